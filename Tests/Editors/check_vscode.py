"""Checks the VS Code extension of editors/vscode without VS Code:

1. package.json names the language, the grammar, the snippets, the entry and the setting
   journey.server.path (default journeyc), and has no npm dependencies (there is no npm to
   install them);
2. language-configuration.json and the snippets are valid JSON whose patterns compile;
3. every snippet, expanded with its defaults (a choice takes its first), tokenizes with the
   TextMate grammar without an `invalid` scope; with JOURNEYC set (the journeyc binary), the
   snippets assembled into one map pass `journeyc check`;
4. with `node` on PATH: extension.js and jsonrpc.js pass `node --check` and
   Tests/Editors/jsonrpc_test.js and Tests/Editors/extension_test.js (a fake server) pass, and
   with JOURNEYC, Tests/Editors/extension_server_test.js runs the extension against
   `JOURNEYC lsp` (when that journeyc has the subcommand). Without node it says so; everything
   else still runs.

Prints one line per failure and exits 1 when any."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_tmgrammar  # noqa: E402
import onigurumacffi  # noqa: E402  (the Oniguruma of the TextMate tokenizer: VS Code's regex dialect)
import journey_words  # noqa: E402

ROOT = journey_words.ROOT
EXT = ROOT / "editors" / "vscode"


def load(path: Path, failures: list[str]):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        failures.append(f"{path.relative_to(ROOT)}: {e}")
        return None


def check_manifest(failures: list[str]) -> None:
    manifest = load(EXT / "package.json", failures)
    if manifest is None:
        return
    for key in ("dependencies", "devDependencies", "scripts"):
        if manifest.get(key):
            failures.append(f"package.json has {key}: the extension must run without npm")
    if not (EXT / manifest.get("main", "missing")).exists():
        failures.append(f"package.json: main {manifest.get('main')} does not exist")
    c = manifest.get("contributes", {})
    languages = [lang for lang in c.get("languages", []) if lang.get("id") == "journey"]
    if not languages or ".journey" not in languages[0].get("extensions", []):
        failures.append("package.json: no language `journey` for .journey files")
    elif not (EXT / languages[0].get("configuration", "missing")).exists():
        failures.append("package.json: the language configuration file does not exist")
    grammars = [g for g in c.get("grammars", []) if g.get("language") == "journey"]
    if not grammars:
        failures.append("package.json: no grammar for `journey`")
    else:
        grammar = load(EXT / grammars[0]["path"], failures) or {}
        if grammar.get("scopeName") != grammars[0].get("scopeName"):
            failures.append(f"package.json names scope {grammars[0].get('scopeName')}, the grammar {grammar.get('scopeName')}")
    # ```journey blocks in Markdown: an injection grammar that embeds source.journey.
    injections = [g for g in c.get("grammars", []) if "text.html.markdown" in g.get("injectTo", [])]
    if not injections:
        failures.append("package.json: no grammar injected into Markdown for ```journey blocks")
    for g in injections:
        text = (EXT / g["path"]).read_text(encoding="utf-8") if (EXT / g["path"]).exists() else ""
        injected = load(EXT / g["path"], failures) if text else None
        if not injected or injected.get("scopeName") != g.get("scopeName") or '"source.journey"' not in text \
                or "meta.embedded.block.journey" not in g.get("embeddedLanguages", {}):
            failures.append(f"package.json: the Markdown injection {g.get('path')} does not embed source.journey")
        elif not onigurumacffi.compile(injected["repository"]["journey-code-block"]["begin"]).search("```journey"):
            failures.append("the Markdown injection does not open on ```journey")
    snippets = [s for s in c.get("snippets", []) if s.get("language") == "journey"]
    if not snippets or not (EXT / snippets[0]["path"]).exists():
        failures.append("package.json: no snippets for `journey`")
    setting = c.get("configuration", {}).get("properties", {}).get("journey.server.path", {})
    if setting.get("default") != "journeyc":
        failures.append("package.json: journey.server.path must default to journeyc")
    if "onLanguage:journey" not in manifest.get("activationEvents", []):
        failures.append("package.json: the extension must activate on the journey language")


def check_language_configuration(failures: list[str]) -> None:
    config = load(EXT / "language-configuration.json", failures)
    if config is None:
        return
    if config.get("comments", {}).get("lineComment") != "#":
        failures.append("language-configuration.json: the line comment is #")
    patterns = [config.get("wordPattern")] + list(config.get("indentationRules", {}).values()) \
        + list(config.get("folding", {}).get("markers", {}).values())
    for pattern in patterns:
        try:
            re.compile(pattern.replace("\\u", "\\u"))
        except (re.error, AttributeError) as e:
            failures.append(f"language-configuration.json: pattern {pattern!r}: {e}")
    rules = config.get("indentationRules", {})
    increase = re.compile(rules.get("increaseIndentPattern", "$^"))
    for line in ('stage s "S"', '  touchpoint t "T" via web', 'journey "J"', 'persona maya'):
        if not increase.search(line):
            failures.append(f"language-configuration.json: no indent after `{line}`")
    if increase.search('    emotion maya 1') or increase.search('stage-one "x"'):
        failures.append("language-configuration.json: indents after a line that opens no element")


PLACEHOLDER = re.compile(r"\$\{(\d+)(?::((?:[^{}]|\{[^{}]*\})*)|\|([^|}]*)\|)?\}|\$(\d+)")


def expand(body: list[str]) -> str:
    """A snippet's text with each tab stop's default (the first choice; a mirror repeats it)."""
    defaults: dict[str, str] = {}

    def replace(m: re.Match) -> str:
        number = m.group(1) or m.group(4)
        if m.group(2) is not None:
            defaults[number] = expand([m.group(2)])
        elif m.group(3) is not None:
            defaults[number] = m.group(3).split(",")[0]
        return defaults.get(number, "")

    return PLACEHOLDER.sub(replace, "\n".join(body))


def check_snippets(failures: list[str]) -> int:
    snippets = load(EXT / "snippets" / "journey.json", failures) or {}
    if not snippets:
        failures.append("snippets/journey.json: no snippets")
    texts = {}
    for name, snippet in snippets.items():
        text = expand(snippet["body"])
        texts[name] = text
        for line, col, scope in check_tmgrammar.invalid_spans(text):
            failures.append(f"snippet {name!r} line {line}:{col}: {scope}: {text.splitlines()[line - 1]!r}")
    for wanted in ("Stage", "Touchpoint", "Persona"):
        if wanted not in snippets:
            failures.append(f"snippets/journey.json: no {wanted} snippet")
    journeyc = os.environ.get("JOURNEYC")
    if journeyc and texts:
        check_snippet_map(texts, journeyc, failures)
    return len(texts)


def indent(text: str, by: int) -> str:
    return "\n".join((" " * by + line) if line.strip() else line for line in text.split("\n"))


def check_snippet_map(texts: dict[str, str], journeyc: str, failures: list[str]) -> None:
    """The snippets where they belong in one map (a persona, a stage, content in a touchpoint), checked."""
    library = 'persona tom "Tom"\n'
    top = texts.get("Journey map", "")
    parts = [texts.get("Use a library", ""), top, texts.get("Persona", "").replace("maya", "zoe"),
             texts.get("Stage", "").replace("consideration", "purchase").replace("pdp", "cart").replace("maya", "zoe")]
    content = [texts[n] for n in ("Touchpoint", "Emotion", "Pain point", "Opportunity", "Quote", "Metric",
                                  "Metric bound to data", "Evidence", "Service blueprint") if n in texts]
    touchpoint = content[0].replace("pdp", "checkout") if content else ""
    body = [c.replace("emotion maya", "emotion tom") for c in content[1:]]
    text = "\n".join(parts) + "\n" + indent(touchpoint, 2) + "\n" + "\n".join(indent(c, 4) for c in body) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, ".git"))
        os.makedirs(os.path.join(folder, "personas"))
        os.makedirs(os.path.join(folder, "data"))
        Path(folder, "personas", "runners.journey").write_text(library, encoding="utf-8")
        Path(folder, "data", "kpis.csv").write_text("date,csat\n2026-09-01,4.1\n", encoding="utf-8")
        Path(folder, "map.journey").write_text(text, encoding="utf-8")
        run = subprocess.run([journeyc, "check", "map.journey"], cwd=folder, capture_output=True, text=True,
                             env={**os.environ, "JOURNEYC_TODAY": "2026-10-01"})
        if run.returncode != 0:
            failures.append(f"the snippets assembled into one map do not check:\n{text}\n{run.stdout}{run.stderr}")


def check_node(failures: list[str]) -> str:
    node = shutil.which("node")
    if not node:
        return "node is not installed: extension.js was not syntax-checked nor run against a fake VS Code"
    for f in ("extension.js", "jsonrpc.js"):
        run = subprocess.run([node, "--check", str(EXT / f)], capture_output=True, text=True)
        if run.returncode != 0:
            failures.append(f"node --check editors/vscode/{f}: {run.stderr.strip()}")
    for test in ("jsonrpc_test.js", "extension_test.js"):
        path = Path(__file__).resolve().parent / test
        if not path.exists():
            failures.append(f"Tests/Editors/{test} is missing")
            continue
        run = subprocess.run([node, str(path)], capture_output=True, text=True, timeout=60)
        if run.returncode != 0:
            failures.append(f"node Tests/Editors/{test}:\n{run.stdout}{run.stderr}")
    journeyc = os.environ.get("JOURNEYC")
    if not journeyc:
        return "node: extension.js and jsonrpc.js checked and run with a fake server (JOURNEYC not set: not with journeyc lsp)"
    usage = subprocess.run([journeyc, "--help"], capture_output=True, text=True).stdout
    if not re.search(r"^\s+lsp\s", usage, re.M):
        return "node: extension.js and jsonrpc.js checked and run with a fake server; this journeyc has no `lsp` subcommand yet"
    run = subprocess.run([node, str(Path(__file__).resolve().parent / "extension_server_test.js"), journeyc],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        failures.append(f"node Tests/Editors/extension_server_test.js {journeyc}:\n{run.stdout}{run.stderr}")
    return "node: extension.js and jsonrpc.js checked and run with a fake server and with journeyc lsp"


def main() -> int:
    failures: list[str] = []
    check_manifest(failures)
    check_language_configuration(failures)
    snippets = check_snippets(failures)
    node = check_node(failures)
    for f in failures:
        print(f)
    print(f"vscode: {snippets} snippets{' (assembled map checked by journeyc)' if os.environ.get('JOURNEYC') else ''}; "
          f"{node}; {len(failures)} failures")
    return 1 if failures or snippets == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
