// PreviewPage: the HTML of the preview — a map's live page and a folder's index. The map's page
// comes with its current picture and diagnostics in it (shown at once, and without JavaScript),
// then opens `/ws/PATH?picture=N` and, for each message (a JSON line, then the SVG when the picture is new),
// swaps the picture in place keeping the scroll position and zoom, or shows the diagnostics
// over the last good picture. Zoom: ctrl + wheel (around the pointer), the − / + / 1:1 / Fit
// buttons, or the keys - + 0. Clicking an element (its `data-address`, or a persona's or
// channel's entry) or a diagnostic shows its file:line in the bar (and copies it). The page
// records `window.journeyPreview` (picture number, when it was swapped in and painted) for the
// Chromium tests and the save-to-picture figure. No outside resources: everything is inline.

import JourneySyntax

public enum PreviewPage {
    /// Nothing but this page's own inline script and style, its socket, and data: images (emoji glyphs).
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

    /// A map's page, with `frame` (its last frame and current picture) already in it: the page
    /// shows the picture, or the diagnostics, at once and without JavaScript; the script then
    /// takes it over and its socket brings only what is newer. Without a frame (the first
    /// picture was not ready in time) the socket brings it.
    static func map(_ map: String, frame: (header: FrameHeader, svg: String?)?) -> String {
        let errors = frame?.header.diagnostics.filter { $0.severity == "error" }.count ?? 0
        return page(title: frame?.header.title ?? map, bodyClass: errors > 0 ? "broken" : nil, body: mapBody(map, frame: frame))
    }

    public static func index(_ maps: [String], folder: String) -> String {
        let items = maps.map { "<li><a href=\"/map/\(escapedPath($0))\">\(escaped($0))</a></li>" }.joined(separator: "\n")
        let list = maps.isEmpty ? "<p>No maps (.journey files) in this folder.</p>" : "<ul>\n\(items)\n</ul>"
        return page(title: "journeyc preview", body: """
            <main class="index"><h1>Maps in \(escaped(folder))</h1>
            \(list)
            <p class="hint">Each map opens its own live page (library files, which draw nothing, are not listed). Reload this page to see maps added since.</p></main>
            """)
    }

    static func page(title: String, bodyClass: String? = nil, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title)) — journeyc preview</title>
        <style>\(style)</style></head>
        <body\(bodyClass.map { " class=\"\($0)\"" } ?? "")>
        \(body)
        </body></html>
        """
    }

    static func mapBody(_ map: String, frame: (header: FrameHeader, svg: String?)?) -> String {
        return """
            <header id="bar"><span id="title">\(escaped(map))</span>
            \(frame.map { stateBadge($0.header) } ?? "<span id=\"state\" class=\"wait\">connecting…</span>")
            <span id="where" title="click an element or a diagnostic"></span><noscript><span class="noscript">without JavaScript: reload for the latest picture</span></noscript>
            <span class="zoom"><button id="out" title="zoom out (-)">−</button><span id="level">100%</span><button id="in" title="zoom in (+)">+</button><button id="one" title="actual size (0)">1:1</button><button id="fit" title="fit the width">Fit</button></span></header>
            <div id="view"><div id="pic">\(frame?.svg ?? "")</div></div>
            \(problems(frame?.header.diagnostics ?? [], hasPicture: frame?.svg != nil))
            <script>const MAP = \(scriptString(map));
            const FIRST = \(frame.map { "JSON.parse(\(scriptString(MapSession.headerJSON($0.header))))" } ?? "null");
            \(script)</script>
            """
    }

    /// The state in the bar: how the picture was drawn, or how many errors the map has (as the
    /// script writes it for each frame).
    static func stateBadge(_ header: FrameHeader) -> String {
        let errors = header.diagnostics.filter { $0.severity == "error" }.count
        if errors > 0 { return "<span id=\"state\" class=\"bad\">\(count(errors, "error"))</span>" }
        return "<span id=\"state\">drawn in \(Int((header.compileMilliseconds + header.drawMilliseconds).rounded())) ms</span>"
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// The diagnostics over the picture, in the markup the script's showProblems makes.
    static func problems(_ list: [PreviewDiagnostic], hasPicture: Bool) -> String {
        guard !list.isEmpty else { return "<aside id=\"problems\" hidden></aside>" }
        let errors = list.filter { $0.severity == "error" }.count
        let head = errors > 0
            ? count(errors, "error") + (hasPicture ? " — showing the last good picture" : " — the map is drawn once it has none")
            : count(list.count, "warning")
        let items = list.map { d -> String in
            var lines = ["<div class=\"at\">\(escaped("\(d.file):\(d.line):\(d.column)  \(d.severity)" + (d.code.isEmpty ? "" : "[\(d.code)]")))</div>",
                         "<div class=\"msg\">\(escaped(d.message))</div>"]
            if let help = d.help { lines.append("<div class=\"help\">\(escaped("help: " + help))</div>") }
            lines += d.notes.map { "<div class=\"note\">\(escaped("note: " + $0))</div>" }
            return "<div class=\"problem \(escaped(d.severity))\">\(lines.joined())</div>"
        }
        return "<aside id=\"problems\"><h2>\(escaped(head))</h2>\(items.joined())</aside>"
    }

    static let style = """
        *{box-sizing:border-box}html,body{margin:0;height:100%;font:14px/1.4 system-ui,sans-serif;color:#1d2330;background:#eef0f4}
        #bar{position:fixed;top:0;left:0;right:0;height:40px;display:flex;gap:14px;align-items:center;padding:0 12px;background:#1d2330;color:#f3f4f7;z-index:3}
        #title{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:30%}
        #state{padding:2px 8px;border-radius:10px;background:#2e7d4f;font-size:12px}#state.wait{background:#6b7280}#state.bad{background:#b42318}
        #where{flex:1;font-family:ui-monospace,monospace;font-size:13px;color:#ffd479;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        .zoom{display:flex;gap:4px;align-items:center}.zoom button{background:#374151;color:#fff;border:0;border-radius:4px;padding:3px 9px;cursor:pointer;font:inherit}
        .noscript{font-size:12px;color:#ffd479;white-space:nowrap}
        #level{min-width:48px;text-align:center;font-size:12px}
        #view{position:fixed;top:40px;left:0;right:0;bottom:0;overflow:auto}#pic{display:inline-block;margin:12px}#pic svg{display:block;box-shadow:0 1px 4px #0003}
        body.broken #pic{opacity:.35}
        #pic [data-address],#pic [data-name^="legend:"]{cursor:pointer}#pic .picked{outline:3px solid #e11d74;outline-offset:2px}
        #problems{position:fixed;top:52px;right:16px;width:min(560px,90vw);max-height:calc(100% - 70px);overflow:auto;background:#fff;border:2px solid #b42318;border-radius:8px;box-shadow:0 6px 24px #0004;z-index:2;padding:6px 0}
        #problems h2{margin:4px 14px 6px;font-size:15px;color:#b42318}
        .problem{padding:8px 14px;border-top:1px solid #eee;cursor:pointer}.problem:hover{background:#fff5f5}
        .problem .at{font-family:ui-monospace,monospace;font-size:12.5px;color:#374151}.problem .msg{font-weight:600;margin:2px 0}
        .problem .help{color:#175cd3}.problem .note{color:#6b7280;font-size:12.5px}.problem.warning{border-left:4px solid #dc6803}.problem.error{border-left:4px solid #b42318}
        .index{max-width:760px;margin:40px auto;padding:0 20px}.index li{margin:6px 0;font-size:16px}.hint{color:#6b7280}
        """

    static let script = #"""
        const view = document.getElementById('view'), pic = document.getElementById('pic');
        const stateEl = document.getElementById('state'), whereEl = document.getElementById('where'), problems = document.getElementById('problems');
        const state = { picture: 0, version: 0, zoom: Number(sessionStorage.getItem('zoom:' + MAP)) || 1, locations: {}, size: null };
        window.journeyPreview = { picture: 0, version: 0, swappedAt: 0, paintedAt: 0, diagnostics: 0, connected: false, messages: 0, lastMessage: 0, fromPage: false };
        const now = () => performance.timeOrigin + performance.now();

        function applyZoom() {
          const svg = pic.querySelector('svg');
          if (!svg || !state.size) return;
          svg.style.width = (state.size.w * state.zoom) + 'px';
          svg.style.height = (state.size.h * state.zoom) + 'px';
          document.getElementById('level').textContent = Math.round(state.zoom * 100) + '%';
          sessionStorage.setItem('zoom:' + MAP, String(state.zoom));
        }
        function zoomTo(z, cx, cy) {
          z = Math.min(8, Math.max(0.1, z));
          const r = view.getBoundingClientRect();
          cx = cx === undefined ? r.width / 2 : cx - r.left; cy = cy === undefined ? r.height / 2 : cy - r.top;
          const x = (view.scrollLeft + cx) / state.zoom, y = (view.scrollTop + cy) / state.zoom;
          state.zoom = z; applyZoom();
          view.scrollLeft = x * z - cx; view.scrollTop = y * z - cy;
        }
        document.getElementById('in').onclick = () => zoomTo(state.zoom * 1.25);
        document.getElementById('out').onclick = () => zoomTo(state.zoom / 1.25);
        document.getElementById('one').onclick = () => zoomTo(1);
        document.getElementById('fit').onclick = () => { if (state.size) zoomTo((view.clientWidth - 24) / state.size.w); };
        view.addEventListener('wheel', e => {
          if (!e.ctrlKey) return;
          e.preventDefault();
          zoomTo(state.zoom * Math.exp(-e.deltaY / 300), e.clientX, e.clientY);
        }, { passive: false });
        document.addEventListener('keydown', e => {
          if (e.target.tagName === 'INPUT') return;
          if (e.key === '+' || e.key === '=') zoomTo(state.zoom * 1.25);
          else if (e.key === '-') zoomTo(state.zoom / 1.25);
          else if (e.key === '0') zoomTo(1);
        });

        function show(text) {
          whereEl.textContent = text;
          if (navigator.clipboard && text) navigator.clipboard.writeText(text.split(' ')[0]).catch(() => {});
        }
        function addressOf(g) {
          if (g.dataset.address) return g.dataset.address;
          const name = g.dataset.name || '';
          let m = /^(?:legend:persona:|curve:)(.+)$/.exec(name);
          if (m && m[1] !== 'everyone') return 'persona:' + m[1];
          m = /^legend:channel:(.+)$/.exec(name);
          return m ? 'channel:' + m[1] : null;
        }
        pic.addEventListener('click', e => {
          for (let g = e.target.closest('g'); g && pic.contains(g); g = g.parentElement.closest('g')) {
            const address = addressOf(g);
            if (!address) continue;
            const at = state.locations[address];
            if (!at) continue;
            pic.querySelectorAll('.picked').forEach(p => p.classList.remove('picked'));
            g.classList.add('picked');
            state.picked = address;
            show(at + '  ' + address);
            if (g.closest('a')) e.preventDefault();
            return;
          }
        });

        function showProblems(list) {
          const errors = list.filter(d => d.severity === 'error');
          document.body.classList.toggle('broken', errors.length > 0);
          window.journeyPreview.diagnostics = errors.length;
          if (!list.length) { problems.hidden = true; problems.replaceChildren(); return; }
          const head = document.createElement('h2');
          head.textContent = errors.length ? (errors.length === 1 ? '1 error' : errors.length + ' errors')
                                             + (state.picture ? ' — showing the last good picture' : ' — the map is drawn once it has none')
                                           : (list.length === 1 ? '1 warning' : list.length + ' warnings');
          const items = list.map(d => {
            const div = document.createElement('div');
            div.className = 'problem ' + d.severity;
            const at = d.file + ':' + d.line + ':' + d.column;
            const add = (cls, text) => { const el = document.createElement('div'); el.className = cls; el.textContent = text; div.appendChild(el); };
            add('at', at + '  ' + d.severity + (d.code ? '[' + d.code + ']' : ''));
            add('msg', d.message);
            if (d.help) add('help', 'help: ' + d.help);
            for (const n of d.notes) add('note', 'note: ' + n);
            div.onclick = () => show(at + '  ' + d.message);
            return div;
          });
          problems.replaceChildren(head, ...items);
          problems.hidden = false;
        }

        function swap(svgText) {
          const left = view.scrollLeft, top = view.scrollTop;
          pic.innerHTML = svgText;
          fitPicture();
          view.scrollLeft = left; view.scrollTop = top;
        }
        // The picture in #pic (new, or the one the page came with): its size, the zoom, its background.
        function fitPicture() {
          const svg = pic.querySelector('svg');
          if (svg) {
            const vb = svg.viewBox && svg.viewBox.baseVal;
            const w = vb && vb.width ? vb.width : parseFloat(svg.getAttribute('width')), h = vb && vb.height ? vb.height : parseFloat(svg.getAttribute('height'));
            state.size = { w, h };
            applyZoom();
            // The page around the picture takes the picture's own background (the dark theme's too).
            const ground = svg.querySelector('rect');
            if (ground && ground.getAttribute('fill')) view.style.background = ground.getAttribute('fill');
          }
          // The element picked stays picked in the new picture, when it is still there.
          if (state.picked) {
            const again = [...pic.querySelectorAll('[data-address], [data-name^="legend:"]')].find(g => addressOf(g) === state.picked);
            if (again) again.classList.add('picked');
          }
        }

        function receive(text) {
          const receivedAt = now();
          const cut = text.indexOf('\n');
          const header = JSON.parse(text.slice(0, cut));
          const svgText = text.slice(cut + 1);
          if (svgText && header.picture !== state.picture) {
            swap(svgText);
            took(header, receivedAt, svgText.length);
          }
          settle(header);
          window.journeyPreview.messages++;
          window.journeyPreview.lastMessage = text.length;
        }
        // A picture now in #pic: its number, its elements' places, and when it was painted.
        function took(header, receivedAt, bytes) {
          state.picture = header.picture;
          state.locations = header.locations;
          const at = now();
          Object.assign(window.journeyPreview, { picture: header.picture, swappedAt: at, receivedAt,
                                                 drawnIn: header.compileMilliseconds + header.drawMilliseconds, bytes });
          requestAnimationFrame(() => requestAnimationFrame(() => { window.journeyPreview.paintedAt = now(); }));
        }
        // A frame's diagnostics and state.
        function settle(header) {
          state.version = header.version;
          document.title = header.title + ' — journeyc preview';
          showProblems(header.diagnostics);
          const errors = header.diagnostics.filter(d => d.severity === 'error').length;
          stateEl.className = errors ? 'bad' : '';
          stateEl.textContent = errors ? (errors === 1 ? '1 error' : errors + ' errors')
                                       : 'drawn in ' + Math.round(header.compileMilliseconds + header.drawMilliseconds) + ' ms';
          window.journeyPreview.version = header.version;
        }

        // The frame the page came with: its picture is in #pic already (without JavaScript, too).
        if (FIRST) {
          if (pic.querySelector('svg')) {
            fitPicture();
            took(FIRST, now(), pic.innerHTML.length);
            window.journeyPreview.fromPage = true;
          }
          settle(FIRST);
        }

        let delay = 250;
        function connect() {
          // The socket is told which picture the page has, so that it does not send it again.
          const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/'
                                       + MAP.split('/').map(encodeURIComponent).join('/') + '?picture=' + state.picture);
          socket.onopen = () => { delay = 250; window.journeyPreview.connected = true; };
          socket.onmessage = e => receive(e.data);
          socket.onclose = () => {
            window.journeyPreview.connected = false;
            stateEl.className = 'wait'; stateEl.textContent = 'reconnecting…';
            setTimeout(connect, delay); delay = Math.min(delay * 2, 4000);
          };
        }
        connect();
        """#

    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A path in an address: each step percent-encoded but for unreserved characters.
    static func escapedPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { step in
            step.utf8.map { b -> String in
                let c = Character(Unicode.Scalar(b))
                return (c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c))) ? String(c) : "%" + String(b, radix: 16, uppercase: true).leftPadded
            }.joined()
        }.joined(separator: "/")
    }

    /// A JavaScript string literal, safe inside <script>: a JSON string (JSONValue.quote escapes quotes,
    /// backslashes, controls and U+2028/U+2029), with `<`, `>` and `&` escaped too so that no
    /// `</script>` or `<!--` can appear in it.
    static func scriptString(_ text: String) -> String {
        var json = ""
        JSONValue.quote(text, into: &json)
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
