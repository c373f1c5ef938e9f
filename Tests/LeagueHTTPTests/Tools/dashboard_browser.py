#!/usr/bin/env python3
"""Drives the manager's dashboard in headless Chromium through the DevTools protocol (over
--remote-debugging-pipe, Python standard library only), the way a person would: it opens the page,
launches a league with the form, watches the standings table fill and change until the league has
completed, and takes screenshots.

With --bracket-fixture FILE (a body of GET /api/leagues/{id}/bracket) it also draws that bracket with the
page's own renderBracket into a box at the end of the page, reads back what it shows and takes a
screenshot of it.

Prints one JSON object on stdout: the distinct standings tables seen, the final table, the statuses seen,
the screenshots written, what the charts and the agents table showed, the bracket drawn, and any
JavaScript errors.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 (commands) and 4 (answers)."""

    def __init__(self, binary, width, height, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.profile = tempfile.mkdtemp(prefix="league-chromium-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Move the child's ends above 10 first, so dup2 onto 3 and 4 cannot clobber them.
        child_in = os.dup(to_browser_r) if to_browser_r >= 10 else _dup_high(to_browser_r)
        child_out = os.dup(from_browser_w) if from_browser_w >= 10 else _dup_high(from_browser_w)

        def place_fds():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        args = [
            binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--user-data-dir=" + self.profile, "--window-size=%d,%d" % (width, height), "about:blank",
        ]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
                                        pass_fds=(3, 4), preexec_fn=place_fds)
        for fd in (to_browser_r, from_browser_w, child_in, child_out):
            os.close(fd)
        self.out = os.fdopen(to_browser_w, "wb", buffering=0)
        self.inp = os.fdopen(from_browser_r, "rb", buffering=0)
        self.next_id = 0
        self.answers = {}
        self.events = []
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.session = None

    def _read(self):
        buffer = b""
        while True:
            chunk = self.inp.read(65536)
            if not chunk:
                with self.cond:
                    self.answers[-1] = {"error": {"message": "the browser closed the pipe"}}
                    self.cond.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                with self.cond:
                    if "id" in message:
                        self.answers[message["id"]] = message
                    else:
                        self.events.append(message)
                    self.cond.notify_all()

    def call(self, method, params=None, session=True, timeout=30):
        with self.cond:
            self.next_id += 1
            ident = self.next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.out.write(json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self.cond:
            while ident not in self.answers and -1 not in self.answers:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise RuntimeError("no answer to %s within %ss" % (method, timeout))
                self.cond.wait(remaining)
            answer = self.answers.pop(ident, None) or self.answers[-1]
        if "error" in answer:
            raise RuntimeError("%s failed: %s" % (method, answer["error"].get("message")))
        return answer.get("result", {})

    def attach(self):
        targets = self.call("Target.getTargets", session=False)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}, session=False)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError("evaluation failed: %s" % json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def click(self, selector):
        box = self.evaluate(
            "(() => { const r = document.querySelector(%s).getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()" % json.dumps(selector))
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})

    def type_into(self, selector, text):
        self.click(selector)
        self.evaluate("document.querySelector(%s).select()" % json.dumps(selector))
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path):
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        return path

    def javascript_errors(self):
        with self.cond:
            events = list(self.events)
        errors = []
        for event in events:
            if event.get("method") == "Runtime.exceptionThrown":
                details = event["params"]["exceptionDetails"]
                errors.append((details.get("exception") or {}).get("description") or details.get("text"))
            if event.get("method") == "Runtime.consoleAPICalled" and event["params"].get("type") == "error":
                errors.append(" ".join(str(arg.get("value", arg.get("description"))) for arg in event["params"]["args"]))
        return errors

    def close(self):
        try:
            self.call("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
        self.log.close()


def _dup_high(fd):
    import fcntl
    return fcntl.fcntl(fd, fcntl.F_DUPFD, 10)


STANDINGS = """(() => Array.from(document.querySelectorAll('#standings tbody tr:not(.empty)')).map(tr =>
  Array.from(tr.children).map(td => td.textContent.trim())))()"""

PAGE_STATE = """(() => ({
  league: document.getElementById('league-title').textContent,
  status: document.body.dataset.leagueStatus || null,
  kind: document.getElementById('league-kind').textContent,
  bracketShown: !document.getElementById('bracket-card').hidden,
  live: document.getElementById('live').textContent,
  agents: Array.from(document.querySelectorAll('#agents tbody tr:not(.empty)')).map(tr => ({id: tr.dataset.agent, health: tr.dataset.health})),
  latency: document.getElementById('latency-stats').textContent,
  inplay: document.querySelectorAll('#inplay li:not(.empty)').length,
  launch: document.getElementById('launch-result').textContent,
  leagues: document.querySelectorAll('#leagues tbody tr:not(.empty)').length,
  listedStatus: (document.querySelector('#leagues tbody tr.selected .pill') || {}).textContent || null,
  inflight: document.getElementById('m-inflight').textContent,
  activeMatches: Array.from(document.querySelectorAll('#agents tbody tr:not(.empty)')).filter(tr => tr.children[3].textContent !== '–').length,
  pointsChartInk: (() => { const c = document.getElementById('points-chart'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })(),
  latencyChartInk: (() => { const c = document.getElementById('latency-chart'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })(),
}))()"""


BRACKET = """((bracket) => {
  const card = document.createElement('div');
  card.className = 'card';
  card.id = 'bracket-preview';
  const box = document.createElement('div');
  box.className = 'bracket';
  card.appendChild(box);
  document.getElementById('league').appendChild(card);
  renderBracket(box, bracket);
  const text = (node) => node ? node.textContent : null;
  const through = box.querySelector('.bracket-player.advances');
  const out = box.querySelector('.bracket-player.out');
  return {
    columns: Array.from(box.querySelectorAll('.bracket-round')).map(column => ({
      title: text(column.querySelector('h3')),
      matches: Array.from(column.querySelectorAll('.bracket-match')).map(match => ({
        id: match.dataset.match,
        players: Array.from(match.querySelectorAll('.bracket-player')).map(p => text(p.querySelector('span'))),
        advances: text(match.querySelector('.bracket-player.advances span')),
        note: text(match.querySelector('.bracket-note')),
      })),
      byes: Array.from(column.querySelectorAll('.bracket-bye')).map(bye => bye.dataset.player),
      empty: text(column.querySelector('.bracket-empty')),
    })),
    champion: text(box.querySelector('#champion span')),
    highlighted: !!through && !!out && getComputedStyle(through).backgroundColor !== getComputedStyle(out).backgroundColor
      && getComputedStyle(through).fontWeight !== getComputedStyle(out).fontWeight,
    width: card.getBoundingClientRect().width,
  };
})(%s)"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--players", type=int, required=True)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--timeout", type=float, default=90)
    parser.add_argument("--bracket-fixture", default=None, help="a bracket body to draw with the page's renderBracket")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    browser = Browser(args.chromium, 1400, 1100, os.path.join(args.out, "chromium.log"))
    result = {"snapshots": [], "statuses": [], "screenshots": [], "errors": []}
    try:
        browser.attach()
        browser.call("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 1100, "deviceScaleFactor": 1, "mobile": False})
        browser.call("Page.navigate", {"url": args.url})
        deadline = time.monotonic() + args.timeout
        loaded = "document.readyState === 'complete' && location.href.startsWith(%s) && !!document.getElementById('launch')" % json.dumps(args.url)
        while not browser.evaluate(loaded):
            if time.monotonic() > deadline:
                raise RuntimeError("the page did not load")
            time.sleep(0.05)
        # Launch the league with the form, as a person would.
        browser.type_into("#launch input[name=players]", str(args.players))
        if args.seed is not None:
            browser.type_into("#launch input[name=seed]", str(args.seed))
        browser.click("#launch button")
        live_shot = False
        while time.monotonic() < deadline:
            table = browser.evaluate(STANDINGS)
            page = browser.evaluate(PAGE_STATE)
            if not result["snapshots"] or result["snapshots"][-1] != table:
                result["snapshots"].append(table)
            if page["status"] and (not result["statuses"] or result["statuses"][-1] != page["status"]):
                result["statuses"].append(page["status"])
            played = sum(int(row[2]) for row in table) // 2 if table else 0
            if not live_shot and page["status"] == "running" and played >= 2:
                result["screenshots"].append(browser.screenshot(os.path.join(args.out, "dashboard-live.png")))
                live_shot = True
            if page["status"] == "completed" and table and all(int(row[2]) == args.players - 1 for row in table):
                break
            time.sleep(0.1)
        # Wait (with a deadline) until every part of the page has caught up with the end of the league: the
        # latency chart has every match, the league list, the summary and the agents (polled every 2 s)
        # show nothing in play. Then the final picture.
        total = args.players * (args.players - 1) // 2

        def settled(page):
            return (page["latency"].startswith("%d matches" % total) and page["listedStatus"] == "completed"
                    and page["inflight"] == "0" and page["activeMatches"] == 0)

        settle = time.monotonic() + 10
        while time.monotonic() < settle and not settled(browser.evaluate(PAGE_STATE)):
            time.sleep(0.05)
        result["final"] = browser.evaluate(STANDINGS)
        result["page"] = browser.evaluate(PAGE_STATE)
        result["screenshots"].append(browser.screenshot(os.path.join(args.out, "dashboard-final.png")))
        if args.bracket_fixture:
            with open(args.bracket_fixture) as file:
                fixture = json.load(file)
            result["bracket"] = browser.evaluate(BRACKET % json.dumps(fixture))
            browser.evaluate("document.getElementById('bracket-preview').scrollIntoView()")
            result["screenshots"].append(browser.screenshot(os.path.join(args.out, "dashboard-bracket.png")))
        result["errors"] = browser.javascript_errors()
    except Exception as error:  # reported to the test, which fails with it
        result["failure"] = str(error)
    finally:
        browser.close()
        if "failure" in result:
            with open(browser.log_path, "rb") as log:
                result["browser_stderr"] = log.read().decode(errors="replace")[-2000:]
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
