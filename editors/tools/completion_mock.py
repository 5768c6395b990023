"""Draws docs/images/completion.png: the completion `journeyc lsp` gives, as an editor would show
it. Not a screenshot of VS Code: an HTML page of a .journey file coloured by editors/vscode's
TextMate grammar (tokenized by textmate-grammar-python), with the completion list the real
server answers on the last line (asked over pipes, as an editor asks; filtered by the letter
typed, as an editor filters), the selected item's example from the server and its rule in
grammar/journey.ebnf; headless Chromium takes the picture.

    .build/venv/bin/python editors/tools/completion_mock.py   # after make pydeps and make build
    JOURNEYC=path/to/journeyc .build/venv/bin/python editors/tools/completion_mock.py
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Editors"))
import check_tmgrammar  # noqa: E402

SOURCE = '''journey "Buying running shoes online"
  scale -2..2

persona maya "Maya, weekend runner"
  color "#0072B2"
  share 40%

stage consideration "Consideration"
  goal "Pick the right shoe"
  metric "add-to-cart rate" 4.1% target >= 6%

  touchpoint pdp "Reads the product page" via web
    owner "Web team"
    emotion maya -2 "unsure about her size"
    pain no-size-chart "No size chart" severity 5 reach 40%
    e'''
CURSOR_LINE = SOURCE.count("\n")  # the last line, where `e` is being typed

# Colours of a dark theme, by scope prefix (longest first wins).
COLOURS = [
    ("comment", "#6A9955"), ("invalid", "#F44747"), ("keyword.declaration", "#569CD6"),
    ("keyword.control", "#C586C0"), ("keyword.other.unit", "#4EC9B0"), ("keyword.operator", "#D4D4D4"),
    ("keyword", "#569CD6"), ("entity.name", "#DCDCAA"), ("entity.other.attribute-name", "#9CDCFE"),
    ("variable.other.persona", "#4FC1FF"), ("variable.other.reference", "#4FC1FF"), ("variable", "#9CDCFE"),
    ("support.constant", "#4EC9B0"), ("constant.numeric", "#B5CEA8"), ("constant.other.date", "#CE9178"),
    ("constant.character.escape", "#D7BA7D"), ("constant", "#B5CEA8"), ("string", "#CE9178"),
]


def colour(scopes: list[str]) -> str:
    best, length = "#D4D4D4", -1
    for scope in scopes:
        for prefix, c in COLOURS:
            if (scope == prefix or scope.startswith(prefix + ".")) and len(prefix) > length:
                best, length = c, len(prefix)
    return best


def highlighted_lines() -> list[str]:
    table = check_tmgrammar.scopes_by_column(SOURCE)
    out = []
    for line, scopes in zip(SOURCE.split("\n"), table):
        spans, current, run = [], None, ""
        for ch, s in zip(line, scopes):
            c = colour(s)
            if c != current and run:
                spans.append(f'<span style="color:{current}">{html.escape(run)}</span>')
                run = ""
            current, run = c, run + ch
        if run:
            spans.append(f'<span style="color:{current}">{html.escape(run)}</span>')
        out.append("".join(spans))
    return out


def journeyc() -> str:
    """The journeyc to ask: $JOURNEYC, else the release build, else the debug build."""
    for candidate in [os.environ.get("JOURNEYC"), ROOT / ".build/release/journeyc", ROOT / ".build/debug/journeyc"]:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    sys.exit("no journeyc: run make build, or set JOURNEYC")


def server_completion(text: str, line: int, character: int) -> list[dict]:
    """The items `journeyc lsp` answers to textDocument/completion at (line, character)."""
    server = subprocess.Popen([journeyc(), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)

    def send(message: dict) -> None:
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive() -> dict:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += server.stdout.read(1)
        length = next(int(h.split(b":")[1]) for h in header.split(b"\r\n") if h.lower().startswith(b"content-length"))
        return json.loads(server.stdout.read(length))

    uri = "file:///tmp/map.journey"
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "journey", "version": 1, "text": text}}})
    send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": character}}})
    while (answer := receive()).get("id") != 2:
        pass
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=10)
    result = answer["result"]
    return result["items"] if isinstance(result, dict) else result


def rule(keyword: str) -> tuple[str, str]:
    """The keyword's rule in grammar/journey.ebnf and the comment under it."""
    ebnf = (ROOT / "grammar" / "journey.ebnf").read_text(encoding="utf-8")
    m = re.search(rf"^{keyword}\s+=\s+(.*?);\s*(?:\(\*(.*?)\*\))?", ebnf, re.M | re.S)
    if not m:
        return keyword, ""
    return f"{keyword} = {m.group(1).strip()} ;", " ".join((m.group(2) or "").split())


def highlight_typed(word: str, typed: str) -> str:
    k = word.index(typed)
    return f"{word[:k]}<b>{typed}</b>{word[k + len(typed):]}"


def page() -> str:
    typed = "e"
    answered = server_completion(SOURCE, CURSOR_LINE, len(SOURCE.split("\n")[-1]))
    detail = {item["label"]: item.get("detail", "") for item in answered}
    words = [item["label"] for item in answered]
    # Matches first (as an editor's fuzzy filter ranks them), then the rest that contain the letter.
    items = [w for w in words if w.startswith(typed)] + [w for w in words if typed in w and not w.startswith(typed)]
    selected = items[0]
    lines = highlighted_lines()
    rows = "".join(
        f'<div class="row"><span class="n">{i + 1}</span><span class="code">{code}'
        f'{"<span class=caret></span>" if i == CURSOR_LINE else ""}</span></div>'
        for i, code in enumerate(lines))
    entries = "".join(
        f'<div class="item{" sel" if w == selected else ""}"><span class="icon"><i></i></span>'
        f'<span class="label">{highlight_typed(w, typed)}</span><span class="detail">keyword</span></div>'
        for w in items[:8])
    top = 8 + 21 * (CURSOR_LINE + 1) + 1
    left = 62 + 4 * 8.43
    code, comment = rule(selected)
    return f"""<!doctype html><meta charset="utf-8"><style>
body {{ margin:0; background:#1E1E1E; font:14px/21px 'DejaVu Sans Mono', monospace; color:#D4D4D4; }}
.tabs {{ height:34px; background:#252526; display:flex; }}
.tab {{ background:#1E1E1E; color:#fff; padding:0 18px; line-height:34px; font:13px 'DejaVu Sans', sans-serif; }}
.editor {{ position:relative; padding-top:8px; }}
.row {{ display:flex; white-space:pre; }}
.n {{ width:48px; text-align:right; color:#858585; padding-right:14px; }}
.caret {{ display:inline-block; width:2px; height:18px; background:#AEAFAD; vertical-align:-3px; }}
.suggest {{ position:absolute; top:{top}px; left:{left}px; width:330px; background:#252526;
  border:1px solid #454545; box-shadow:0 4px 12px #000a; font-size:13px; }}
.item {{ display:flex; align-items:center; height:24px; padding:0 8px; }}
.item.sel {{ background:#04395E; outline:1px solid #2B79C2; }}
.icon {{ width:22px; }} .icon i {{ display:block; width:11px; height:8px; border:1.5px solid #C5C5C5; border-radius:1px; }}
.label {{ flex:1; }} .label b {{ color:#2AAAFF; font-weight:normal; }}
.detail {{ color:#9D9D9D; font:12px 'DejaVu Sans', sans-serif; }}
.doc {{ position:absolute; top:{top}px; left:{left + 336}px; width:470px; background:#252526;
  border:1px solid #454545; padding:10px 12px; font:13px/19px 'DejaVu Sans', sans-serif; }}
.doc code {{ font:12.5px 'DejaVu Sans Mono', monospace; color:#CE9178; }}
.status {{ position:fixed; bottom:0; left:0; right:0; height:22px; background:#007ACC; color:#fff;
  font:12px/22px 'DejaVu Sans', sans-serif; padding-left:12px; }}
.note {{ position:fixed; bottom:30px; right:16px; color:#6A6A6A; font:12px 'DejaVu Sans', sans-serif; }}
</style>
<div class="tabs"><div class="tab">map.journey</div></div>
<div class="editor">{rows}
<div class="suggest">{entries}</div>
<div class="doc"><div><code>{html.escape(detail.get(selected, ""))}</code></div>
<div style="margin-top:6px"><code>{html.escape(code)}</code></div>
<div style="margin-top:6px">{html.escape(comment)}</div></div>
</div>
<div class="note">Illustration: the list is journeyc lsp's answer; colours from editors/vscode's grammar</div>
<div class="status">journey · journeyc lsp</div>
"""


def main() -> int:
    out = ROOT / "docs" / "images" / "completion.png"
    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "completion.html"
        page_path.write_text(page(), encoding="utf-8")
        run = subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                              "--window-size=1200,600", f"--screenshot={out}", page_path.as_uri()],
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0 or not out.exists():
            print(run.stdout + run.stderr)
            return 1
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
