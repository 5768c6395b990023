"""The words of the .journey language, read from the compiler's own keyword table
(Sources/JourneySyntax/Keywords.swift), so that a keyword or property added there without a
highlighting rule fails the editor tests instead of going unnoticed."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS_SWIFT = ROOT / "Sources" / "JourneySyntax" / "Keywords.swift"


class TableError(Exception):
    pass


def _enum_cases(source: str, enum: str) -> list[str]:
    """The case names of `enum NAME: String, CaseIterable` up to its first member that is not a case."""
    start = re.search(rf"public enum {enum}\b[^{{]*\{{", source)
    if not start:
        raise TableError(f"{KEYWORDS_SWIFT}: no `public enum {enum}`")
    names: list[str] = []
    for line in source[start.end():].splitlines():
        stripped = line.strip()
        if stripped.startswith("///") or stripped.startswith("//") or not stripped:
            continue
        if not stripped.startswith("case "):
            break
        for part in stripped[len("case "):].split(","):
            name = part.strip()
            if "=" in name:  # case inProgress = "in-progress"
                name = name.split("=", 1)[1].strip().strip('"')
            names.append(name)
    if not names:
        raise TableError(f"{KEYWORDS_SWIFT}: `enum {enum}` has no cases")
    return names


def _true_cases(source: str, var: str) -> list[str]:
    """The cases listed in `public var VAR: Bool { switch self { case .a, .b: true ... } }`."""
    m = re.search(rf"public var {var}: Bool \{{.*?case ([^:]+): true", source, re.S)
    if not m:
        raise TableError(f"{KEYWORDS_SWIFT}: no `{var}` switch")
    return [c.strip().lstrip(".") for c in m.group(1).split(",")]


def load() -> dict[str, list[str]]:
    source = KEYWORDS_SWIFT.read_text(encoding="utf-8")
    keywords = _enum_cases(source, "Keyword")
    elements = _true_cases(source, "opensElement")
    for e in elements:
        if e not in keywords:
            raise TableError(f"opensElement names {e}, which is not a keyword")
    return {
        "keywords": keywords,
        "elements": elements,
        "properties": _enum_cases(source, "PropertyName"),
    }


def keyword_role(word: str, table: dict[str, list[str]]) -> str:
    """What a keyword is for, as the grammar's scopes and the lexer's tokens say it."""
    if word == "use":
        return "import"
    if word in table["elements"]:
        return "element"
    return "attribute"


def sample_maps() -> list[Path]:
    """Every .journey map of samples/ except samples/errors (broken on purpose), plus the
    ```journey blocks of the README and docs are checked separately."""
    maps = sorted(p for p in (ROOT / "samples").rglob("*.journey")
                  if "errors" not in p.relative_to(ROOT / "samples").parts and ".got." not in p.name)
    if not maps:
        raise TableError("no .journey file under samples/")
    return maps


FENCE = re.compile(r"^```journey[ \t]*\n(.*?)^```", re.S | re.M)


def documented_blocks() -> list[tuple[str, str]]:
    """(where, text) of every ```journey block in README.md and docs/*.md."""
    blocks = []
    for doc in [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            blocks.append((f"{doc.relative_to(ROOT)}:{line}", m.group(1)))
    return blocks
