#!/usr/bin/env python3
"""Checks a site made by `journeyc build DIR -o SITE --site` as a person would meet it.

Standard library only, plus axe-core's script when given (--axe: the axe.min.js that PyPI's
axe-playwright-python ships; `make pydeps` installs it into .build/venv). Chromium is driven
over the DevTools protocol with Tests/Browser/preview_in_chromium.py's helper.

  site_in_chromium.py --site SITE --shots OUT [--axe axe.min.js] [--readme docs/images]

1. A crawler reads every page of the folder (no browser): every link, stylesheet, script, image
   and fragment (`page.html#touchpoint:pdp`, `#g1` inside an SVG) must resolve inside the site,
   every page must be reachable from index.html, and every target of the search index must exist.
2. Every page is opened from disk (file://) in headless Chromium: no console error, no failed
   resource, the script ran. Contrast (WCAG AA, 4.5:1, 3:1 for large text) and labels (images,
   inputs, buttons, links, the picture's focusable cards) are measured in the page; with --axe,
   axe-core's WCAG 2 A/AA rules run too.
3. On a map page: the persona toggle shows one curve and its points only, a card shows its full
   text on focus and on hover, Tab reaches the skip link first, a lane folds (the picture gets
   shorter) and unfolds, a deep link opens its card; without JavaScript the picture, the map's text
   and its report are there and the script's controls are not.
4. On the index: the maps by priority, highest first; each column sorts from a button in its
   header (aria-sort says which); typing in the search box lists results; Enter opens the first.
5. At 420 and 320 px wide no page scrolls sideways; the portfolio page's tables scroll in a
   focusable, labelled region of their own.
Screenshots go to --shots (and, with --readme, the README's two). Prints one JSON object and
exits 1 when a check fails.
"""
import argparse, base64, html.parser, json, os, posixpath, re, shutil, sys, tempfile, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from preview_in_chromium import DevTools, page_socket, start_chromium  # noqa: E402


class RecordingDevTools(DevTools):
    """DevTools that keeps the events (console messages, exceptions, log entries) it reads past."""

    def __init__(self, url):
        super().__init__(url)
        self.events = []
        receive = self.ws.receive

        def recording():
            text = receive()
            message = json.loads(text)
            if "method" in message:
                self.events.append(message)
            return text
        self.ws.receive = recording


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for name in ("href", "src", "xlink:href"):
            if name in a and a[name] is not None:
                self.links.append((tag, a[name]))


def crawl(site):
    """Every broken link of the site, the pages not reachable from index.html, and counts."""
    pages, broken = {}, []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(folder, name), site)
                parser = PageParser()
                with open(os.path.join(site, path), encoding="utf-8") as f:
                    parser.feed(f.read())
                pages[path] = parser
    links = external = embedded = 0

    def resolve(page, target):
        """The site-relative file and fragment of a link from `page`, or a reason it is broken."""
        url = urllib.parse.urlsplit(target)
        if url.scheme in ("http", "https", "mailto"):
            return None, None, "external"
        if url.scheme == "data":  # a picture embedded in the page: nothing to resolve
            return None, None, "embedded"
        if url.scheme or url.netloc:
            return None, None, "a link with a scheme the site does not use: " + target
        path = urllib.parse.unquote(url.path)
        fragment = urllib.parse.unquote(url.fragment)
        if path == "":
            file = page
        else:
            file = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if file.startswith("../") or file == "..":
                return None, None, "leaves the site: " + target
        return file, fragment, None

    reached, queue = {"index.html"}, ["index.html"]
    while queue:
        page = queue.pop()
        for tag, target in pages[page].links:
            links += 1
            file, fragment, problem = resolve(page, target)
            if problem == "external":
                external += 1
                continue
            if problem == "embedded":
                embedded += 1
                continue
            if problem:
                broken.append(f"{page}: {tag} {target}: {problem}")
                continue
            if not os.path.isfile(os.path.join(site, file)):
                broken.append(f"{page}: {tag} {target}: no file {file}")
                continue
            if file.endswith(".html"):
                if fragment and fragment not in pages[file].ids:
                    broken.append(f"{page}: {tag} {target}: no element with id '{fragment}' in {file}")
                if file not in reached:
                    reached.add(file)
                    queue.append(file)
            elif fragment and file == page:
                pass
    unreachable = sorted(set(pages) - reached)
    # The search index's targets are links too.
    with open(os.path.join(site, "assets/search-index.js"), encoding="utf-8") as f:
        text = f.read()
    index = json.loads(re.sub(r"^window\.journeycSearch=|;\s*$", "", text.strip()).replace("kinds:", '"kinds":', 1)
                       .replace(",maps:", ',"maps":', 1).replace(",items:", ',"items":', 1))
    for item in index["items"]:
        target = item[3] if item[2] < 0 else index["maps"][item[2]][1] + ("#" + item[3] if item[3] else "")
        file, fragment, problem = resolve("index.html", target)
        if problem or not os.path.isfile(os.path.join(site, file)) or (fragment and fragment not in pages[file].ids):
            broken.append(f"search index: {target}: {problem or 'does not resolve'}")
    return broken, unreachable, {"pages": len(pages), "links": links, "external": external, "embedded": embedded, "search items": len(index["items"])}


# In the page: contrast of every piece of text outside the pictures, and the labels.
AUDIT = r"""
(function () {
  function rgb(c) { var m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; var p = m[1].split(',').map(parseFloat); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; }
  function lum(c) { return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
  function background(el) {
    for (var e = el; e; e = e.parentElement) { var c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0.9) return c; }
    return { r: 255, g: 255, b: 255, a: 1 };
  }
  var problems = [], checked = 0;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    var node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('svg') || el.closest('[hidden]') || el.closest('.visually-hidden')) continue;
    var style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || !el.getClientRects().length) continue;
    var fg = rgb(style.color), bg = background(el);
    var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    checked++;
    if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ': "' + node.textContent.trim().slice(0, 40) + '" (' + style.color + ' on rgb(' + [bg.r, bg.g, bg.b] + '))');
  }
  function named(el) { return (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().length > 0; }
  document.querySelectorAll('img').forEach(function (e) { if (!e.hasAttribute('alt')) problems.push('image without alt: ' + e.src); });
  document.querySelectorAll('input, select, textarea').forEach(function (e) {
    if (!(e.labels && e.labels.length) && !e.getAttribute('aria-label')) problems.push('input without a label: ' + e.id);
  });
  document.querySelectorAll('button, a[href], [role=button]').forEach(function (e) {
    if (!named(e) && !(e.querySelector('img[alt]:not([alt=""])'))) problems.push('control without a name: ' + e.outerHTML.slice(0, 80));
  });
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  if (!document.title.trim()) problems.push('no <title>');
  if (document.querySelectorAll('h1').length !== 1) problems.push('not one h1: ' + document.querySelectorAll('h1').length);
  return { checked: checked, problems: problems };
})()
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True, help="a folder made by journeyc build --site")
    parser.add_argument("--shots", required=True)
    parser.add_argument("--axe", help="axe-core's axe.min.js")
    parser.add_argument("--readme", help="also write site-index.png and site-map.png here")
    parser.add_argument("--name", default="", help="prefix of the screenshots' names (a theme)")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    os.makedirs(args.shots, exist_ok=True)
    checks, failures, details = {}, [], {}

    def check(name, ok, detail=None):
        checks[name] = bool(ok)
        if not ok:
            failures.append(name + (": " + json.dumps(detail)[:2000] if detail is not None else ""))

    broken, unreachable, counts = crawl(site)
    details["crawl"] = counts
    check("crawler: no broken link", not broken, broken[:20])
    check("crawler: every page reachable from the index", not unreachable, unreachable[:20])
    check("crawler: found pages and links", counts["pages"] >= 4 and counts["links"] > counts["pages"])

    profile = tempfile.mkdtemp(prefix="journeyc-site-chromium-")
    browser = None
    try:
        browser, url = start_chromium(profile)
        tools = RecordingDevTools(page_socket(url))
        for domain in ("Page", "Runtime", "Log"):
            tools.call(domain + ".enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=860, deviceScaleFactor=1, mobile=False)
        # Focus and blur events as in a window that has the focus (a headless page has none).
        tools.call("Emulation.setFocusEmulationEnabled", enabled=True)
        axe = open(args.axe, encoding="utf-8").read() if args.axe else None

        def open_page(relative):
            tools.events.clear()
            tools.call("Page.navigate", url="file://" + urllib.parse.quote(os.path.join(site, relative), safe="/#:"))
            tools.wait_for("document.readyState === 'complete' && document.documentElement.classList.contains('js')")
            time.sleep(0.05)

        def errors():
            found = []
            for e in tools.events:
                m, p = e["method"], e.get("params", {})
                if m == "Runtime.exceptionThrown":
                    found.append("exception: " + json.dumps(p.get("exceptionDetails", {}))[:300])
                elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
                    found.append("console " + p["type"] + ": " + json.dumps(p.get("args", []))[:300])
                elif m == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error", "warning"):
                    found.append("log: " + p["entry"].get("text", "")[:300] + " " + p["entry"].get("url", ""))
            return found

        pages = sorted(os.path.relpath(os.path.join(d, n), site) for d, _, fs in os.walk(site) for n in fs if n.endswith(".html"))
        console, audit_problems, axe_problems = [], [], []
        audited = 0
        for page in pages:
            open_page(page)
            console += [page + ": " + e for e in errors()]
            result = tools.evaluate(AUDIT)
            audited += result["checked"]
            audit_problems += [page + ": " + p for p in result["problems"]]
            if axe:
                if not tools.evaluate("typeof axe !== 'undefined'"):
                    tools.evaluate(axe + "\n;true")
                found = tools.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                                       " resultTypes: ['violations']}).then(function (r) { return r.violations.map(function (v) {"
                                       " return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }); })")
                axe_problems += [page + ": " + v for v in found]
        details["pages opened"] = len(pages)
        details["texts measured"] = audited
        check("every page loads with no console error or failed resource", not console, console[:20])
        check("contrast (WCAG AA) and labels, measured in the page", not audit_problems and audited > 0, audit_problems[:20])
        if axe:
            check("axe-core: no WCAG 2.1 A/AA violation", not axe_problems, axe_problems[:20])

        # The index and the search.
        open_page("index.html")
        shot = lambda name: tools.screenshot(os.path.join(args.shots, args.name + name + ".png"))
        shot("1-index")
        if args.readme:
            tools.screenshot(os.path.join(args.readme, "site-index.png"))
        word = tools.evaluate("document.querySelector('table.maps tbody th a').textContent.split(/\\s+/)[0]")
        tools.evaluate("(function(){var q=document.getElementById('q'); q.focus(); q.value=%s; q.dispatchEvent(new Event('input'));})()" % json.dumps(word))
        found = tools.wait_for("document.querySelectorAll('#q-results li').length", timeout=10)
        check("search: typing lists results", found > 0, found)
        shot("2-search")
        target = tools.evaluate("document.querySelector('#q-results li a').getAttribute('href')")
        tools.call("Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13, text="\r")
        tools.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter", windowsVirtualKeyCode=13)
        try:
            tools.wait_for("location.href.indexOf(%s) >= 0 && document.readyState === 'complete'" % json.dumps(urllib.parse.quote(target.split("#")[0].lstrip("./"), safe="/")), timeout=10)
            check("search: Enter opens the first result", True)
        except RuntimeError as e:
            check("search: Enter opens the first result", False, str(e))

        # The index's table: by priority without a click; each column sorts from its header's
        # button (keyboard too), aria-sort on the sorted column.
        open_page("index.html")
        ROWS = """(function(){var t=document.querySelector('table.maps'); var heads=Array.from(t.tHead.rows[0].cells).map(c=>c.textContent.trim());
              return {heads:heads, sorted:Array.from(t.tHead.rows[0].cells).map(c=>c.getAttribute('aria-sort')||''),
                      rows:Array.from(t.tBodies[0].rows).map(r=>Array.from(r.cells).map(c=>{var tm=c.querySelector('time'); return tm?tm.getAttribute('datetime'):c.textContent.trim();}))};})()"""
        table = tools.evaluate(ROWS)
        def column(table, name):
            k = table["heads"].index(name)
            return [r[k] if len(r) == len(table["heads"]) else None for r in table["rows"]]
        def number(v):
            return None if v in (None, "", "—") else float(v)
        priorities = [number(v) for v in column(table, "Priority")]
        known = [v for v in priorities if v is not None]
        check("index: maps listed by priority, highest first", len(table["rows"]) >= 2 and known == sorted(known, reverse=True)
              and priorities[:len(known)] == known and table["sorted"][table["heads"].index("Priority")] == "descending", table)
        buttons = tools.evaluate("Array.from(document.querySelectorAll('table.maps thead th button')).map(b=>b.textContent.trim())")
        check("index: the columns sort from buttons in their headers", all(n in buttons for n in ("Map", "Owner", "Score", "Priority", "Last change")), buttons)
        def press(label, key=True):
            tools.evaluate("Array.from(document.querySelectorAll('table.maps thead th button')).find(b=>b.textContent.trim()===%s).focus()" % json.dumps(label))
            if key:
                tools.call("Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13, text="\r")
                tools.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter", windowsVirtualKeyCode=13)
            else:
                tools.evaluate("document.activeElement.click()")
            return tools.evaluate(ROWS)
        by_score = press("Score")
        scores = [number(v) for v in column(by_score, "Score")]
        given = [v for v in scores if v is not None]
        state = by_score["sorted"][by_score["heads"].index("Score")]
        check("index: Enter on Score's button sorts by score, missing scores last", given == sorted(given, reverse=state == "descending")
              and state in ("ascending", "descending") and scores[:len(given)] == given
              and by_score["sorted"].count("ascending") + by_score["sorted"].count("descending") == 1, by_score)
        flipped = press("Score", key=False)
        flipped_scores = [number(v) for v in column(flipped, "Score") if number(v) is not None]
        check("index: a second press reverses the order", flipped_scores == sorted(flipped_scores, reverse=state != "descending")
              and flipped["sorted"][flipped["heads"].index("Score")] != state, flipped)
        by_title = press("Map")
        titles = [r[1] for r in by_title["rows"]]
        ordered = tools.evaluate("(function(t){return t.slice().sort(function(a,b){return a.localeCompare(b);});})(%s)" % json.dumps(titles))
        check("index: sorting by title", titles == ordered or titles == ordered[::-1], titles)
        by_change = press("Last change")
        changes = [v for v in column(by_change, "Last change") if v not in (None, "—")]
        check("index: sorting by last change", changes == sorted(changes) or changes == sorted(changes, reverse=True), changes)
        shot("1-index-sorted")

        # A map page: the map page with the most personas.
        maps = [p for p in pages if '<figure class="map">' in open(os.path.join(site, p), encoding="utf-8").read()]
        counts = {}
        for p in maps:
            with open(os.path.join(site, p), encoding="utf-8") as f:
                counts[p] = f.read().count('data-persona="') - 1
        page = max(maps, key=lambda p: (counts[p], p))
        open_page(page)
        personas = tools.evaluate("Array.from(document.querySelectorAll('.toolbar [data-persona]')).map(b => b.dataset.persona).filter(Boolean)")
        check("map page: the toolbar offers the personas", len(personas) >= 2, personas)
        if personas:
            p = personas[-1]
            tools.evaluate("document.querySelector('.toolbar [data-persona=%s]').click()" % json.dumps(p))
            state = tools.evaluate("""(function(p){var svg=document.querySelector('figure.map svg');
              var shown=Array.from(svg.querySelectorAll('g[data-name^="curve:"]')).filter(g=>getComputedStyle(g).display!=='none').map(g=>g.dataset.name);
              var color=(svg.querySelector('g[data-name="curve:'+p+'"] path')||{getAttribute:()=>''}).getAttribute('stroke').toLowerCase();
              var dots=Array.from(svg.querySelectorAll('g[data-name="emotion-dots"] > path')).filter(d=>getComputedStyle(d).display!=='none');
              return {shown:shown, dots:dots.length, other:dots.filter(d=>d.getAttribute('fill').toLowerCase()!==color).length,
                      pressed:document.querySelector('.toolbar [data-persona="'+p+'"]').getAttribute('aria-pressed')};})(%s)""" % json.dumps(p))
            check("persona toggle: only the chosen persona's curve and points", state["shown"] == ["curve:" + p] and state["dots"] > 0
                  and state["other"] == 0 and state["pressed"] == "true", state)
            shot("3-one-persona")
            tools.evaluate("document.querySelector('figure.map svg g[data-name=\"legend:persona:%s\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))" % p)
            back = tools.evaluate("Array.from(document.querySelectorAll('figure.map svg g[data-name^=\"curve:\"]')).filter(g=>getComputedStyle(g).display!=='none').length")
            check("persona toggle: clicking the persona in the legend shows every curve again", back == len(personas) or back > 1, back)
        # A card: focus shows its full text.
        card = tools.evaluate("""(function(){var g=document.querySelector('figure.map svg g[data-address^="touchpoint:"]'); g.focus();
              var d=document.getElementById('detail'); return {address:g.dataset.address, hidden:d.hidden, text:d.textContent.slice(0,200),
              focused:document.activeElement===g, label:g.getAttribute('aria-label')};})()""")
        check("card: focus shows its full text", not card["hidden"] and len(card["text"]) > 10 and card["focused"] and card["label"], card)
        tools.evaluate("document.getElementById('map').scrollIntoView()")
        shot("4-card")
        # Hover: the pointer over a card shows its text too.
        open_page(page)
        spot = tools.evaluate("""(function(){var g=document.querySelectorAll('figure.map svg g[data-address^="touchpoint:"]')[0];
              g.scrollIntoView({block:'center'}); var r=g.getBoundingClientRect(); return {x:r.left+r.width/2, y:r.top+r.height/2};})()""")
        tools.call("Input.dispatchMouseEvent", type="mouseMoved", x=spot["x"], y=spot["y"])
        time.sleep(0.1)
        hovered = tools.evaluate("!document.getElementById('detail').hidden && document.getElementById('detail').textContent.length")
        check("card: hovering shows its full text", bool(hovered), hovered)
        tools.call("Input.dispatchMouseEvent", type="mouseMoved", x=2, y=2)
        # Keyboard: Tab reaches the skip link first.
        open_page(page)
        tools.call("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        tools.call("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        first = tools.evaluate("document.activeElement && document.activeElement.className")
        check("keyboard: Tab reaches the skip link first", first == "skip", first)
        # Lanes fold and unfold.
        fold = tools.evaluate("""(function(){var svg=document.querySelector('figure.map svg'); var before=svg.getBoundingClientRect().height;
              var b=document.querySelector('.toolbar [data-lane]'); if(!b) return null; var name=b.dataset.lane; b.click();
              var after=svg.getBoundingClientRect().height; var hidden=Array.from(svg.querySelectorAll('g[data-name="'+name+'"]')).every(g=>getComputedStyle(g).display==='none');
              var expanded=b.getAttribute('aria-expanded'); return {lane:name, before:before, after:after, hidden:hidden, expanded:expanded};})()""")
        check("lanes: a lane folds (the picture gets shorter)", fold and fold["after"] < fold["before"] - 20 and fold["hidden"] and fold["expanded"] == "false", fold)
        shot("5-folded")
        unfold = tools.evaluate("""(function(){var svg=document.querySelector('figure.map svg'); document.querySelector('.toolbar [data-lane]').click();
              return svg.getBoundingClientRect().height;})()""")
        check("lanes: and unfolds", fold and abs(unfold - fold["before"]) < 0.5, unfold)
        # A deep link opens its card.
        address = card["address"]
        open_page(page + "#" + urllib.parse.quote(address, safe=":/"))
        deep = tools.evaluate("""(function(a){var d=document.getElementById('detail'); var g=document.querySelector('figure.map svg g[data-address="'+CSS.escape(a)+'"]');
              var r=g.getBoundingClientRect(); return {hidden:d.hidden, inView:r.bottom>0&&r.top<innerHeight};})(%s)""" % json.dumps(address))
        check("deep link: the card of the address opens, in view", not deep["hidden"] and deep["inView"], deep)
        shot("6-deep-link")
        if args.readme:
            # The map's first row in view under the toolbar, a touchpoint's card open beside it.
            open_page(page)
            tools.evaluate("""(function(){var svg=document.querySelector('figure.map svg'), box=document.querySelector('figure.map .scroll');
              var row=svg.querySelector('g[data-name="row:1"]'); var k=svg.getBoundingClientRect().width/svg.viewBox.baseVal.width;
              box.scrollTop=Math.max(0,(row.getBBox().y-12)*k);
              var tps=svg.querySelectorAll('g[data-address^="touchpoint:"]'); var g=tps[Math.min(1,tps.length-1)];
              window.scrollTo(0, document.getElementById('map').getBoundingClientRect().top + window.scrollY - 8);
              (g.parentNode.localName==='a'?g.parentNode:g).focus({preventScroll:true});})()""")
            time.sleep(0.2)
            tools.screenshot(os.path.join(args.readme, "site-map.png"))
        # Without JavaScript: the picture and the map's whole text, and no control that needs the script.
        tools.call("Emulation.setScriptExecutionDisabled", value=True)
        tools.events.clear()
        tools.call("Page.navigate", url="file://" + urllib.parse.quote(os.path.join(site, page), safe="/#:"))
        tools.wait_for("document.readyState === 'complete'")
        plain = tools.evaluate("""(function(){function shown(s){var e=document.querySelector(s); return !!e && e.getClientRects().length>0;}
              return {svg: shown('figure.map svg'), outline: document.querySelectorAll('#contents article.tp').length,
                      outlineShown: shown('#contents article.tp'), report: shown('#report table'), toolbar: shown('.toolbar'), search: shown('.search')};})()""")
        tools.call("Emulation.setScriptExecutionDisabled", value=False)
        check("without JavaScript: the map, its text and report read; the script's controls are hidden",
              plain["svg"] and plain["outline"] > 0 and plain["outlineShown"] and plain["report"] and not plain["toolbar"] and not plain["search"], plain)
        console = errors()
        check("no console error while interacting", not console, console[:10])

        # Narrow screens: no page scrolls sideways from 320 to 420 px (wide tables scroll in
        # their own focusable, labelled region); screenshots at 420 px.
        wide = []
        for width in (420, 320):
            tools.call("Emulation.setDeviceMetricsOverride", width=width, height=860, deviceScaleFactor=1, mobile=False)
            for p in pages:
                open_page(p)
                sizes = tools.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                if sizes[0] > sizes[1]:
                    wide.append("%s at %d px: %d px wide" % (p, width, sizes[0]))
            if width == 420:
                for name, p in (("7-narrow-index", "index.html"), ("8-narrow-map", page), ("9-narrow-portfolio", "portfolio.html")):
                    open_page(p)
                    shot(name)
                open_page("portfolio.html")
                regions = tools.evaluate("""Array.from(document.querySelectorAll('main table')).map(function(t){
                      var r=t.closest('[role=region]'); return {region:!!r, focusable:!!r&&r.tabIndex===0, label:r?(r.getAttribute('aria-label')||''):'',
                      scrolls:!!r&&getComputedStyle(r).overflowX==='auto'};})""")
                check("narrow: every table of the portfolio page sits in a focusable, labelled region that scrolls",
                      regions and all(r["region"] and r["focusable"] and r["label"] and r["scrolls"] for r in regions), regions)
        details["narrow pages"] = len(pages) * 2
        check("narrow: no page scrolls sideways at 320 and 420 px", not wide, wide[:20])
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=860, deviceScaleFactor=1, mobile=False)
    except Exception as e:  # a broken page or a timeout is a failure, said
        failures.append("error: " + repr(e))
    finally:
        if browser:
            browser.kill()
            browser.wait()
        shutil.rmtree(profile, ignore_errors=True)
    results = {"checks": checks, "failures": failures, "details": details}
    print(json.dumps(results, indent=1))
    sys.exit(1 if failures or not checks else 0)


if __name__ == "__main__":
    main()
