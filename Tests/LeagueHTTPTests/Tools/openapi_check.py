#!/usr/bin/env python3
"""Checks docs/openapi.yaml against a running manager.

The document must be valid OpenAPI 3.1 (openapi-spec-validator). Then every path and method it lists is
requested, in the cases that produce each documented status (a real league and match, unknown ids, bad
bodies, bad queries, a conditional request); every status seen must be documented for that operation,
every JSON body must validate against the documented schema (JSON Schema 2020-12, with
additionalProperties: false, so an undocumented field fails too), and every documented status must have
been seen, except the few listed in NOT_PRODUCIBLE here (each with its reason; the Swift tests cover some).

A body the running server cannot be made to answer yet can still be checked against its schema as a
sample: `--sample PATH METHOD STATUS FILE` validates the JSON in FILE against that response's schema.

Usage: openapi_check.py SPEC BASE_URL LEAGUE_ID MATCH_ID [--sample PATH METHOD STATUS FILE]...
Prints a JSON summary; exits 1 when anything failed.
"""
import http.client
import json
import sys
import urllib.parse

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# Documented statuses that a healthy manager cannot be made to answer from outside.
NOT_PRODUCIBLE = {
    ("/ready", "get", "503"): "needs a broken store: LiveHTTPTests removes the store's folder and checks it",
    ("/api/leagues", "post", "401"): "needs --operator-token: ManagerHTTPLifecycleTests checks it",
    ("/api/leagues", "post", "409"): "the manager accepts every valid START_LEAGUE",
    ("/api/leagues", "post", "503"): "needs the manager's loop to be gone",
    ("/api/leagues", "post", "504"): "needs a manager that does not answer",
    ("/api/matches/{id}", "get", "504"): "needs a manager that does not answer",
    ("/", "get", "503"): "needs the dashboard's files to be missing",
    ("/api/leagues/{id}/bracket", "get", "200"): "needs a knockout league: OpenAPITests checks a bracket body with --sample",
}


def main():
    spec_path, base, league_id, match_id = sys.argv[1:5]
    rest = sys.argv[5:]
    samples = []
    while rest:
        if rest[0] != "--sample" or len(rest) < 5:
            sys.exit("usage: openapi_check.py SPEC BASE_URL LEAGUE_ID MATCH_ID [--sample PATH METHOD STATUS FILE]...")
        samples.append(tuple(rest[1:5]))
        rest = rest[5:]
    with open(spec_path) as file:
        spec = yaml.safe_load(file)
    validate_spec(spec)
    root = dict(spec)
    root["$id"] = "urn:league-openapi"
    registry = Registry().with_resource("urn:league-openapi", Resource.from_contents(root, default_specification=DRAFT202012))
    url = urllib.parse.urlsplit(base)
    failures = []
    seen = set()
    checked = 0

    def pointer(*parts):
        return "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)

    def validate_body(where, template, method, status, content_type, body):
        ref = "urn:league-openapi#/" + pointer("paths", template, method, "responses", status, "content", content_type, "schema")
        validator = Draft202012Validator({"$ref": ref}, registry=registry)
        for error in validator.iter_errors(body):
            failures.append("%s: %s at %s" % (where, error.message[:300], "/".join(map(str, error.absolute_path))))

    def request(template, method, path, body=None, headers=None):
        nonlocal checked
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
        connection.request(method.upper(), path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        status = str(response.status)
        checked += 1
        operation = spec["paths"][template][method]
        responses = operation["responses"]
        where = "%s %s -> %s" % (method.upper(), path, status)
        if status not in responses:
            failures.append("%s: status not documented for %s" % (where, template))
            return response, data
        seen.add((template, method, status))
        content = responses[status].get("content")
        if not content:
            return response, data
        content_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
        if content_type not in content:
            failures.append("%s: content type %r not documented (%s)" % (where, content_type, ", ".join(content)))
            return response, data
        if content_type == "application/json":
            try:
                body = json.loads(data)
            except ValueError:
                failures.append("%s: body is not JSON" % where)
                return response, data
            validate_body(where, template, method, status, content_type, body)
        return response, data

    league = urllib.parse.quote(league_id)
    match = urllib.parse.quote(match_id)
    json_headers = {"Content-Type": "application/json"}
    request("/health", "get", "/health")
    request("/ready", "get", "/ready")
    request("/metrics", "get", "/metrics")
    request("/metrics/prometheus", "get", "/metrics/prometheus")
    request("/api/leagues", "get", "/api/leagues")
    example = spec["paths"]["/api/leagues"]["post"]["requestBody"]["content"]["application/json"]["example"]
    created, _ = request("/api/leagues", "post", "/api/leagues", json.dumps(example), json_headers)
    if created.status == 201 and not (created.getheader("Location") or "").startswith("/api/leagues/"):
        failures.append("POST /api/leagues: no Location header")
    request("/api/leagues", "post", "/api/leagues", "{", json_headers)
    request("/api/leagues", "post", "/api/leagues", json.dumps({"players": 1}), json_headers)
    request("/api/leagues", "post", "/api/leagues", json.dumps({"players": 4, "format": "swiss"}), json_headers)
    request("/api/leagues", "post", "/api/leagues", json.dumps({"players": 4, "format": "swiss", "rounds": "3"}), json_headers)
    request("/api/leagues", "post", "/api/leagues", json.dumps({"players": 4, "colour": "red"}), json_headers)
    request("/api/leagues", "post", "/api/leagues", json.dumps({"players": 4}), {"Content-Type": "text/plain"})
    request("/api/leagues", "post", "/api/leagues", json.dumps({"players": 4, "game": "x" * 20000}), json_headers)
    for suffix in ("", "/standings", "/matches", "/bracket"):
        template = "/api/leagues/{id}" + suffix
        request(template, "get", "/api/leagues/%s%s" % (league, suffix))
        request(template, "get", "/api/leagues/no-such-league%s" % suffix)
    request("/api/leagues/{id}/matches", "get", "/api/leagues/%s/matches?status=finished&round=1" % league)
    request("/api/leagues/{id}/matches", "get", "/api/leagues/%s/matches?status=bogus" % league)
    request("/api/leagues/{id}/matches", "get", "/api/leagues/%s/matches?round=0" % league)
    request("/api/matches/{id}", "get", "/api/matches/%s?league=%s" % (match, league))
    request("/api/matches/{id}", "get", "/api/matches/%s" % match)
    request("/api/matches/{id}", "get", "/api/matches/R99M99")
    request("/api/matches/{id}", "get", "/api/matches/%s?league=no-such-league" % match)
    request("/api/agents", "get", "/api/agents")
    # The event stream: only the head and the first bytes, then hang up.
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
    connection.request("GET", "/api/events")
    response = connection.getresponse()
    first = response.read(6)
    checked += 1
    seen.add(("/api/events", "get", str(response.status)))
    if response.status != 200 or not (response.getheader("Content-Type") or "").startswith("text/event-stream") or not first.startswith(b"retry:"):
        failures.append("GET /api/events: %s %s %r" % (response.status, response.getheader("Content-Type"), first))
    connection.close()
    request("/", "get", "/")
    asset, _ = request("/assets/{file}", "get", "/assets/dashboard.js")
    request("/assets/{file}", "get", "/assets/dashboard.css")
    request("/assets/{file}", "get", "/assets/dashboard.js", headers={"If-None-Match": asset.getheader("ETag") or ""})
    request("/assets/{file}", "get", "/assets/no-such-file.js")

    for template, method, status, path in samples:
        checked += 1
        with open(path) as file:
            body = json.load(file)
        validate_body("sample %s for %s %s" % (path, method.upper(), template), template, method, status, "application/json", body)

    documented = {(p, m, s) for p, item in spec["paths"].items() for m, op in item.items() for s in op["responses"]}
    unexercised = sorted(documented - seen - set(NOT_PRODUCIBLE))
    for item in unexercised:
        failures.append("documented but never seen: %s %s %s" % (item[1].upper(), item[0], item[2]))
    summary = {"checked": checked, "samples": len(samples), "operations": len({(p, m) for p, m, _ in documented}), "failures": failures}
    json.dump(summary, sys.stdout, indent=1)
    sys.stdout.write("\n")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
