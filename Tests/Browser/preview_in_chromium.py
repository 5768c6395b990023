#!/usr/bin/env python3
"""Drives `journeyc preview` in a real headless Chromium over the DevTools protocol.

Standard library only: the DevTools WebSocket is spoken by hand (RFC 6455 client handshake and
frames). Run by JourneyPreviewTests (the browser test) and by `make bench` (--measure N).

  preview_in_chromium.py --server .build/debug/journeyc-preview --map DIR/map.journey \
      --broken DIR/broken.journey --shots OUT [--measure N] [--screenshot docs/images/preview.png]

The map's folder is a scratch copy: the script saves changes to the map as an editor does
(write a temporary file, rename it over the map) and restores it. It prints one JSON object
(the checks' results and the timings) and exits 1 when a check fails.
"""
import argparse, base64, hashlib, http.client, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time


class WebSocket:
    """A minimal WebSocket client: text messages, unmasked server frames, pings answered."""

    def __init__(self, url):
        m = re.match(r"ws://([^:/]+):(\d+)(/.*)", url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError("the DevTools socket closed during the handshake")
            head += chunk
        lines = head.decode("latin-1").split("\r\n")
        if " 101 " not in lines[0]:
            raise RuntimeError("handshake refused: " + lines[0])
        expected = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
        accept = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("sec-websocket-accept:")]
        if accept != [expected]:
            raise RuntimeError("bad Sec-WebSocket-Accept")

    def _read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("the DevTools socket closed")
            data += chunk
        return data

    def _send_frame(self, opcode, payload):
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode == 0x8:
                raise RuntimeError("the DevTools socket was closed")
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class DevTools:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.receive())
            if reply.get("id") == my_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=20.0, interval=0.002):
        end = time.time() + timeout
        while time.time() < end:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(interval)
        raise RuntimeError(f"timed out waiting for {expression}")

    def screenshot(self, path, clip=None):
        params = {"format": "png"}
        if clip:
            params["clip"] = clip
        data = base64.b64decode(self.call("Page.captureScreenshot", **params)["data"])
        with open(path, "wb") as f:
            f.write(data)
        return data


def save_like_an_editor(path, text):
    """Writes a temporary file beside `path` and renames it over it; returns the time of the rename (ms since the epoch)."""
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    at = time.time() * 1000
    os.replace(temporary, path)
    return at


def load_without_javascript(tools, url):
    """Loads the page with the page's scripts disabled (DevTools' own evaluation still runs)."""
    tools.call("Emulation.setScriptExecutionDisabled", value=True)
    tools.call("Page.navigate", url="about:blank")
    tools.wait_for("location.href === 'about:blank' && document.readyState === 'complete'")
    tools.call("Page.navigate", url=url)
    tools.wait_for("location.href !== 'about:blank' && document.readyState === 'complete' && !!document.getElementById('pic')")


def start_server(binary, target):
    server = subprocess.Popen([binary, target, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    m = re.search(r"(http://\S+)", line)
    if not m:
        server.kill()
        raise RuntimeError("the preview server said: " + line + server.stderr.read())
    return server, m.group(1)


def start_chromium(profile):
    browser = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0",
                                "--remote-allow-origins=*", f"--user-data-dir={profile}", "--window-size=1280,860", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    end = time.time() + 30
    while time.time() < end:
        line = browser.stderr.readline()
        m = re.search(r"DevTools listening on (ws://\S+)", line)
        if m:
            return browser, m.group(1)
        if not line and browser.poll() is not None:
            break
    browser.kill()
    raise RuntimeError("chromium did not start its DevTools server")


def page_socket(browser_url):
    host, port = re.match(r"ws://([^:/]+):(\d+)/", browser_url).groups()
    for _ in range(100):
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", "/json/list")
        targets = json.loads(connection.getresponse().read())
        pages = [t for t in targets if t.get("type") == "page"]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.05)
    raise RuntimeError("chromium has no page")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--map", required=True)
    parser.add_argument("--broken", help="a broken version of the map (default: the map with an emotion of an undeclared persona)")
    parser.add_argument("--shots", required=True, help="folder for the screenshots")
    parser.add_argument("--measure", type=int, default=0, help="saves to time (the save-to-picture figure)")
    parser.add_argument("--screenshot", help="also write a small screenshot for the README here")
    parser.add_argument("--summary", action="store_true", help="print one line (the figure) instead of the JSON, unless a check fails")
    args = parser.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    original = open(args.map, encoding="utf-8").read()
    # Broken: an emotion of a persona no map declares, after the map's last line (the last touchpoint's).
    broken = open(args.broken, encoding="utf-8").read() if args.broken else original.rstrip("\n") + "\n    emotion nobody-declared -1\n"
    match = re.search(r'^journey "([^"\n]*)"', original, re.M)
    if not match:
        raise SystemExit("the map has no journey line to edit")
    def titled(title):
        return original[:match.start(1)] + title + original[match.end(1):]

    results = {"checks": {}, "failures": []}
    def check(name, ok, detail=""):
        results["checks"][name] = bool(ok)
        if not ok:
            results["failures"].append(f"{name}: {detail}")

    profile = tempfile.mkdtemp(prefix="journeyc-chromium-")
    server = browser = None
    try:
        server, url = start_server(args.server, args.map)
        browser, browser_url = start_chromium(profile)
        tools = DevTools(page_socket(browser_url))
        tools.call("Page.enable")
        tools.call("Runtime.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=860, deviceScaleFactor=1, mobile=False)
        picture_area = {"x": 0, "y": 40, "width": 1280, "height": 820, "scale": 1}

        # 0. Without JavaScript (so before any socket): the page comes with the picture in it.
        load_without_javascript(tools, url)
        check("without JavaScript: the picture is in the page",
              tools.evaluate("!!document.querySelector('#pic svg') && document.querySelector('#pic svg').textContent.includes(%s)"
                             % json.dumps(match.group(1))))
        check("without JavaScript: no script ran", tools.evaluate("window.journeyPreview === undefined"))
        check("without JavaScript: the picture is laid out", tools.evaluate("document.querySelector('#pic svg').getBoundingClientRect().width > 600"))
        check("without JavaScript: no diagnostics, the state says how it was drawn",
              tools.evaluate("document.getElementById('problems').hidden && /^drawn in \\d+ ms$/.test(document.getElementById('state').textContent)"))
        tools.screenshot(os.path.join(args.shots, "0-without-javascript.png"))
        tools.call("Emulation.setScriptExecutionDisabled", value=False)

        tools.call("Page.navigate", url=url)
        tools.wait_for("window.journeyPreview && window.journeyPreview.picture >= 1 && window.journeyPreview.paintedAt > 0")
        first = tools.screenshot(os.path.join(args.shots, "1-loaded.png"), clip=picture_area)
        check("loaded: the map's title is in the picture",
              tools.evaluate("document.querySelector('#pic svg').textContent.includes(%s)" % json.dumps(match.group(1))))
        check("loaded: the picture came with the page", tools.evaluate("window.journeyPreview.fromPage"))
        tools.wait_for("window.journeyPreview.connected && window.journeyPreview.messages >= 1")
        check("loaded: the socket does not send the page's picture again",
              tools.evaluate("window.journeyPreview.picture === 1 && window.journeyPreview.lastMessage < window.journeyPreview.bytes / 4"),
              tools.evaluate("JSON.stringify(window.journeyPreview)"))

        # 1. A change: the new title is drawn (the picture's area, without the bar, differs).
        picture = tools.evaluate("window.journeyPreview.picture")
        saved_at = save_like_an_editor(args.map, titled("Previewed live in Chromium"))
        tools.wait_for(f"window.journeyPreview.picture > {picture} && window.journeyPreview.paintedAt > window.journeyPreview.swappedAt")
        timing = tools.evaluate("[window.journeyPreview.swappedAt, window.journeyPreview.paintedAt]")
        changed = tools.screenshot(os.path.join(args.shots, "2-changed.png"), clip=picture_area)
        check("changed: the picture's screenshot differs", changed != first)
        check("changed: the new title is in the picture",
              tools.evaluate("document.querySelector('#pic svg').textContent.includes('Previewed live in Chromium')"))
        results["first_save_ms"] = {"swapped": round(timing[0] - saved_at, 1), "painted": round(timing[1] - saved_at, 1)}

        # Zoom in and scroll: both must survive the next picture.
        tools.evaluate("document.getElementById('in').click(); document.getElementById('view').scrollTo(140, 90); true")
        kept = tools.evaluate("[document.getElementById('view').scrollLeft, document.getElementById('view').scrollTop, document.getElementById('level').textContent]")
        picture = tools.evaluate("window.journeyPreview.picture")
        save_like_an_editor(args.map, titled("Previewed live, zoomed in"))
        tools.wait_for(f"window.journeyPreview.picture > {picture}")
        after = tools.evaluate("[document.getElementById('view').scrollLeft, document.getElementById('view').scrollTop, document.getElementById('level').textContent]")
        check("changed: scroll position and zoom kept", after == kept and kept[2] == "125%", f"{kept} became {after}")
        changed = tools.screenshot(os.path.join(args.shots, "2-changed-zoomed.png"), clip=picture_area)

        # Clicking an element shows its file:line.
        point = tools.evaluate("""(() => { const g = document.querySelector('#pic [data-address^="touchpoint:"]');
            const r = g.getBoundingClientRect(); return [r.left + 12, r.top + 12, g.dataset.address]; })()""")
        if point[0] < 0 or point[1] < 40:
            tools.evaluate("document.querySelector('#pic [data-address^=\"touchpoint:\"]').scrollIntoView({block: 'center'}); true")
            point = tools.evaluate("""(() => { const g = document.querySelector('#pic [data-address^="touchpoint:"]');
                const r = g.getBoundingClientRect(); return [r.left + 12, r.top + 12, g.dataset.address]; })()""")
        for kind in ("mousePressed", "mouseReleased"):
            tools.call("Input.dispatchMouseEvent", type=kind, x=point[0], y=point[1], button="left", clickCount=1)
        where = tools.wait_for("document.getElementById('where').textContent")
        name = os.path.basename(args.map)
        check("click: an element shows its file:line", re.match(re.escape(name) + r":\d+ ", where) and point[2] in where, where)
        results["clicked"] = where

        # 2. A broken save: the last good picture stays, the diagnostics show over it.
        version = tools.evaluate("window.journeyPreview.version")
        picture = tools.evaluate("window.journeyPreview.picture")
        save_like_an_editor(args.map, broken)
        tools.wait_for(f"window.journeyPreview.version > {version}")
        tools.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        bad = tools.screenshot(os.path.join(args.shots, "3-broken.png"), clip=picture_area)
        check("broken: diagnostics shown", tools.evaluate("window.journeyPreview.diagnostics > 0 && !document.getElementById('problems').hidden"))
        check("broken: the last good picture kept", tools.evaluate(f"window.journeyPreview.picture === {picture} && !!document.querySelector('#pic svg')"))
        check("broken: the picture's screenshot differs (dimmed, diagnostics over it)", bad != changed)
        first_problem = tools.evaluate("document.querySelector('.problem .at').textContent")
        check("broken: a diagnostic says file:line:col", re.match(re.escape(name) + r":\d+:\d+ ", first_problem or ""), first_problem)
        tools.evaluate("document.querySelector('.problem').click(); true")
        where = tools.evaluate("document.getElementById('where').textContent")
        check("broken: clicking a diagnostic shows its file:line", where.startswith(first_problem.split(" ")[0]), where)
        results["diagnostic"] = first_problem

        # 3. Fixed: a new picture, no diagnostics.
        saved_at = save_like_an_editor(args.map, original)
        tools.wait_for(f"window.journeyPreview.picture > {picture} && window.journeyPreview.diagnostics === 0")
        tools.wait_for("window.journeyPreview.paintedAt > window.journeyPreview.swappedAt")
        fixed = tools.screenshot(os.path.join(args.shots, "4-fixed.png"), clip=picture_area)
        check("fixed: diagnostics gone", tools.evaluate("document.getElementById('problems').hidden && !document.body.classList.contains('broken')"))
        check("fixed: the picture's screenshot differs from the broken one", fixed != bad)
        check("fixed: the element clicked before stays picked in the new picture",
              tools.evaluate("(document.querySelector('#pic .picked') || {dataset: {}}).dataset.address") == point[2])
        check("fixed: the original title is back",
              tools.evaluate("document.querySelector('#pic svg').textContent.includes(%s)" % json.dumps(match.group(1))))

        if args.screenshot:
            # At actual size, the stages and their first touchpoints in view, one clicked.
            point = tools.evaluate("""(() => { document.getElementById('one').click();
                const view = document.getElementById('view'), g = document.querySelector('#pic [data-address^="touchpoint:"]');
                view.scrollTo(0, 0);
                const r = g.getBoundingClientRect();
                view.scrollTo(0, r.top - view.getBoundingClientRect().top - 150);
                const q = g.getBoundingClientRect(); return [q.left + 20, q.top + 20]; })()""")
            for kind in ("mousePressed", "mouseReleased"):
                tools.call("Input.dispatchMouseEvent", type=kind, x=point[0], y=point[1], button="left", clickCount=1)
            tools.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            tools.screenshot(args.screenshot, clip={"x": 0, "y": 0, "width": 1280, "height": 860, "scale": 0.7})

        # The figure: save to new picture, `--measure` times.
        swapped, painted, received, drawn, size = [], [], [], [], 0
        for k in range(args.measure):
            picture = tools.evaluate("window.journeyPreview.picture")
            time.sleep(0.15)
            saved_at = save_like_an_editor(args.map, titled(f"Measured save {k}") if k % 2 == 0 else original)
            tools.wait_for(f"window.journeyPreview.picture > {picture} && window.journeyPreview.paintedAt > window.journeyPreview.swappedAt",
                           interval=0.001)
            timing = tools.evaluate("[window.journeyPreview.swappedAt, window.journeyPreview.paintedAt, window.journeyPreview.receivedAt, window.journeyPreview.drawnIn, window.journeyPreview.bytes]")
            swapped.append(timing[0] - saved_at)
            painted.append(timing[1] - saved_at)
            received.append(timing[2] - saved_at)
            drawn.append(timing[3])
            size = timing[4]
        if swapped:
            def summary(values):
                values = sorted(values)
                return {"median": round(values[len(values) // 2], 1), "min": round(values[0], 1), "max": round(values[-1], 1)}
            results["save_to_picture_ms"] = {"saves": len(swapped), "swapped": summary(swapped), "painted": summary(painted),
                                             "received": summary(received), "compiled_and_drawn": summary(drawn), "svg_characters": size}
        # 4. Broken again, loaded without JavaScript: the last good picture and the diagnostics are in the page.
        version = tools.evaluate("window.journeyPreview.version")
        save_like_an_editor(args.map, broken)
        tools.wait_for(f"window.journeyPreview.version > {version}")
        load_without_javascript(tools, url)
        check("broken, without JavaScript: the last good picture and the diagnostics are in the page",
              tools.evaluate("!!document.querySelector('#pic svg') && document.body.classList.contains('broken') && "
                             "!document.getElementById('problems').hidden && document.querySelectorAll('#problems .problem.error').length > 0"))
        served_problem = tools.evaluate("document.querySelector('.problem .at').textContent")
        check("broken, without JavaScript: the same diagnostic as the script shows", served_problem == first_problem, served_problem)
        tools.screenshot(os.path.join(args.shots, "5-broken-without-javascript.png"))
        tools.call("Emulation.setScriptExecutionDisabled", value=False)
    except Exception as error:  # a check that could not run is a failure, said plainly
        results["failures"].append(f"error: {error}")
    finally:
        with open(args.map, "w", encoding="utf-8") as f:
            f.write(original)
        for process in (browser, server):
            if process:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(profile, ignore_errors=True)
    figure = results.get("save_to_picture_ms")
    if args.summary and figure and not results["failures"]:
        print(f"{os.path.basename(args.map)}: swapped in {figure['swapped']['median']} ms ({figure['swapped']['min']}–{figure['swapped']['max']}), "
              f"painted {figure['painted']['median']} ms ({figure['painted']['min']}–{figure['painted']['max']}) after the save, {figure['saves']} saves "
              f"(server: compiled and drawn in {figure['compiled_and_drawn']['median']} ms; message received at {figure['received']['median']} ms; "
              f"SVG {figure['svg_characters'] // 1000} k characters)")
    else:
        print(json.dumps(results, indent=1))
    sys.exit(1 if results["failures"] or not results["checks"] else 0)


if __name__ == "__main__":
    main()
