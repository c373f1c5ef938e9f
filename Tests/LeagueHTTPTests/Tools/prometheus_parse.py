#!/usr/bin/env python3
"""Parses a Prometheus text exposition from stdin with the reference Python client's parser
(prometheus_client.parser) and prints its families and samples as JSON, so that the Swift tests can
compare the counters with the league that ran. Exits 1 with the parser's error if the text does not parse."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    text = sys.stdin.read()
    families = []
    try:
        for family in text_string_to_metric_families(text):
            families.append({
                "name": family.name,
                "type": family.type,
                "help": family.documentation,
                "samples": [
                    {"name": s.name, "labels": dict(s.labels), "value": None if math.isinf(s.value) or math.isnan(s.value) else s.value}
                    for s in family.samples
                ],
            })
    except Exception as error:
        print("parse error: %s" % error, file=sys.stderr)
        sys.exit(1)
    json.dump({"families": families}, sys.stdout)


if __name__ == "__main__":
    main()
