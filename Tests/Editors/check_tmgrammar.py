"""Checks editors/vscode/syntaxes/journey.tmLanguage.json with a TextMate tokenizer
(textmate-grammar-python, a port of vscode-textmate on Oniguruma; installed by `make pydeps`):

1. the corpus Tests/Editors/tmgrammar/*.journey: each source line may be followed by assertion
   lines, `^^^ scope another.scope`, whose carets mark columns of the source line above; every
   marked character must carry every listed scope (`-scope` : must not carry it);
2. every keyword of Keywords.swift at the start of a line, and every property name after a
   statement, gets a scope of its role (a keyword added to the table without a rule fails);
3. every map of samples/ (except samples/errors) and every ```journey block of the README and
   docs tokenizes without an `invalid` scope.

Prints one line per failure and exits 1 when any; a corpus folder without cases fails too."""

import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import journey_words  # noqa: E402

logging.disable(logging.WARNING)  # the tokenizer logs every skipped span
from textmate_grammar.parsers.base import LanguageParser  # noqa: E402

ROOT = journey_words.ROOT
GRAMMAR = ROOT / "editors" / "vscode" / "syntaxes" / "journey.tmLanguage.json"
CORPUS = ROOT / "Tests" / "Editors" / "tmgrammar"

ROLE_SCOPES = {
    "import": "keyword.control.import.journey",
    "element": "keyword.declaration.",
    "attribute": "keyword.other.",
}
PROPERTY_SCOPE = "entity.other.attribute-name.property.journey"

_parser = None


def parser():
    global _parser
    if _parser is None:
        _parser = LanguageParser(json.loads(GRAMMAR.read_text(encoding="utf-8")))
    return _parser


def scopes_by_column(text: str) -> list[list[list[str]]]:
    """For each line of `text`, for each character, the scopes it carries."""
    lines = text.split("\n")
    table = [[[] for _ in line] for line in lines]
    element = parser().parse_string(text)
    if element is None:
        return table
    for (line, column), token, scopes in element.flatten():
        names = [name for scope in scopes for name in scope.split()]
        for k in range(len(token)):
            row = line
            col = column + k
            if row < len(table) and col < len(table[row]):
                table[row][col] = names
    return table


def check_corpus(failures: list[str]) -> int:
    files = sorted(CORPUS.glob("*.journey"))
    if not files:
        failures.append(f"{CORPUS.relative_to(ROOT)}: no corpus files (*.journey)")
        return 0
    assertions = 0
    for path in files:
        source_lines: list[str] = []
        expectations: list[tuple[int, int, int, list[str]]] = []  # (file line, source row, column, scopes)
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if line.lstrip(" ").startswith("^"):
                if not source_lines:
                    failures.append(f"{path.relative_to(ROOT)}:{number}: an assertion before any source line")
                    continue
                carets = line.rstrip().split(" ")
                column = len(line) - len(line.lstrip(" "))
                marks = line[column:].split(" ", 1)[0]
                scopes = line[column + len(marks):].split()
                if not scopes:
                    failures.append(f"{path.relative_to(ROOT)}:{number}: an assertion without scopes")
                for c in range(column, column + len(marks)):
                    expectations.append((number, len(source_lines) - 1, c, scopes))
                del carets
            else:
                source_lines.append(line)
        if not expectations:
            failures.append(f"{path.relative_to(ROOT)}: no assertions")
            continue
        table = scopes_by_column("\n".join(source_lines))
        reported: set[tuple[int, str]] = set()
        for number, row, column, wanted in expectations:
            assertions += 1
            line_text = source_lines[row]
            if column >= len(line_text):
                failures.append(f"{path.relative_to(ROOT)}:{number}: a caret beyond the end of `{line_text}`")
                continue
            have = table[row][column]
            for scope in wanted:
                bad = (scope[1:] in have) if scope.startswith("-") else (scope not in have)
                if bad and (number, scope) not in reported:
                    reported.add((number, scope))
                    failures.append(f"{path.relative_to(ROOT)}:{number}: column {column + 1} of `{line_text.strip()}` "
                                    f"({line_text[column]!r}) {'carries' if scope.startswith('-') else 'lacks'} "
                                    f"{scope.lstrip('-')}; it has {' '.join(have) or 'no scope'}")
    return assertions


def check_keywords(failures: list[str]) -> int:
    table = journey_words.load()
    checked = 0
    for word in table["keywords"]:
        wanted = ROLE_SCOPES[journey_words.keyword_role(word, table)]
        for line in (word, f"  {word} x"):
            start = line.index(word)
            have = scopes_by_column(line)[0][start]
            ok = all(any(s.startswith(wanted) for s in have) for _ in word) and all(
                scopes_by_column(line)[0][start + k] == have for k in range(len(word)))
            if not ok:
                failures.append(f"keyword `{word}` ({journey_words.keyword_role(word, table)}) in `{line}` is not "
                                f"scoped {wanted}…: it has {' '.join(have) or 'no scope'}")
            checked += 1
    for word in table["properties"]:
        for line in (f'  opportunity "Fit finder" {word} 1', f'    pain p "Slow" {word} x'):
            start = line.index(f" {word} ") + 1
            cols = scopes_by_column(line)[0]
            if not all(PROPERTY_SCOPE in cols[start + k] for k in range(len(word))):
                failures.append(f"property `{word}` in `{line}` is not scoped {PROPERTY_SCOPE}: "
                                f"it has {' '.join(cols[start]) or 'no scope'}")
            checked += 1
    return checked


def invalid_spans(text: str) -> list[tuple[int, int, str]]:
    found = []
    for row, line in enumerate(scopes_by_column(text)):
        for col, scopes in enumerate(line):
            bad = [s for s in scopes if s.startswith("invalid")]
            if bad:
                found.append((row + 1, col + 1, bad[0]))
                break
    return found


def check_samples(failures: list[str]) -> int:
    checked = 0
    for path in journey_words.sample_maps():
        for line, col, scope in invalid_spans(path.read_text(encoding="utf-8")):
            failures.append(f"{path.relative_to(ROOT)}:{line}:{col}: {scope}")
        checked += 1
    for where, text in journey_words.documented_blocks():
        doc, first = where.rsplit(":", 1)
        for line, col, scope in invalid_spans(text):
            failures.append(f"{doc}:{int(first) + line}:{col}: {scope} (a ```journey block)")
        checked += 1
    return checked


def main() -> int:
    failures: list[str] = []
    corpus = check_corpus(failures)
    words = check_keywords(failures)
    maps = check_samples(failures)
    for f in failures:
        print(f)
    print(f"tmgrammar: {corpus} corpus assertions, {words} keyword and property checks, "
          f"{maps} maps and documented blocks; {len(failures)} failures")
    return 1 if failures or corpus == 0 or words == 0 or maps == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
