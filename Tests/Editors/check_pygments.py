"""Checks the Pygments lexer of editors/pygments (installed into the venv by `make pydeps`):

1. Pygments finds it through its entry point, by name (`journey`) and by file name (`*.journey`);
2. every keyword of Keywords.swift at the start of a line gets a Keyword token of its role, and
   every property name after a statement a Name.Attribute (a keyword added to the table without
   a rule here fails);
3. every map of samples/ (except samples/errors) and every ```journey block of the README and docs
   highlights without an Error token;
4. Tests/Editors/pygments/NAME.journey gives exactly the tokens of NAME.tokens (`Token.Type 'text'`
   a line, whitespace left out); a difference is written to NAME.got.tokens.
   JOURNEYC_UPDATE_GOLDEN=1 rewrites the .tokens files.

Prints one line per failure and exits 1 when any."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import journey_words  # noqa: E402

from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Error, Keyword, Name, Whitespace  # noqa: E402

ROOT = journey_words.ROOT
CASES = ROOT / "Tests" / "Editors" / "pygments"
ROLE_TOKENS = {"import": Keyword.Namespace, "element": Keyword.Declaration, "attribute": Keyword}


def lexer():
    return get_lexer_by_name("journey")


def tokens(text: str):
    return [(t, v) for t, v in lexer().get_tokens(text)]


def check_registration(failures: list[str]) -> int:
    by_name = get_lexer_by_name("journey")
    by_file = get_lexer_for_filename("maps/checkout.journey")
    for how, found in (("by name `journey`", by_name), ("by file name `*.journey`", by_file)):
        if type(found).__module__ != "journey_pygments.lexer":
            failures.append(f"pygments finds {type(found).__module__}.{type(found).__name__} {how}, "
                            "not journey_pygments.lexer.JourneyLexer (is editors/pygments installed?)")
    # The venv holds a copy of editors/pygments: after an edit it must be installed again.
    import journey_pygments
    installed = Path(journey_pygments.__file__).parent
    for source in sorted((ROOT / "editors" / "pygments" / "journey_pygments").glob("*.py")):
        copy = installed / source.name
        if not copy.exists() or copy.read_bytes() != source.read_bytes():
            failures.append(f"the installed {copy} differs from {source.relative_to(ROOT)}: run make pydeps")
    return 2


def check_keywords(failures: list[str]) -> int:
    table = journey_words.load()
    checked = 0
    for word in table["keywords"]:
        wanted = ROLE_TOKENS[journey_words.keyword_role(word, table)]
        for line in (word, f"  {word} x"):
            got = [t for t, v in tokens(line) if v == word]
            if got != [wanted]:
                failures.append(f"keyword `{word}` in `{line}` is {got or 'not a token'}, not {wanted}")
            checked += 1
    for word in table["properties"]:
        for line in (f'  opportunity "Fit finder" {word} 1', f'    pain p "Slow" {word} x'):
            got = [t for t, v in tokens(line) if v == word]
            if got != [Name.Attribute]:
                failures.append(f"property `{word}` in `{line}` is {got or 'not a token'}, not {Name.Attribute}")
            checked += 1
    return checked


def errors_in(text: str) -> list[tuple[int, str]]:
    found, line = [], 1
    for t, v in tokens(text):
        if t in Error:
            found.append((line, v))
        line += v.count("\n")
    return found


def check_samples(failures: list[str]) -> int:
    checked = 0
    for path in journey_words.sample_maps():
        for line, value in errors_in(path.read_text(encoding="utf-8")):
            failures.append(f"{path.relative_to(ROOT)}:{line}: Error token {value!r}")
        checked += 1
    for where, text in journey_words.documented_blocks():
        doc, first = where.rsplit(":", 1)
        for line, value in errors_in(text):
            failures.append(f"{doc}:{int(first) + line}: Error token {value!r} (a ```journey block)")
        checked += 1
    return checked


def dump(text: str) -> str:
    return "".join(f"{str(t)} {v!r}\n" for t, v in tokens(text) if t not in Whitespace)


def check_cases(failures: list[str]) -> int:
    inputs = sorted(CASES.glob("*.journey"))
    if not inputs:
        failures.append(f"{CASES.relative_to(ROOT)}: no cases (*.journey)")
    update = os.environ.get("JOURNEYC_UPDATE_GOLDEN") == "1"
    for source in inputs:
        expected_path = source.with_suffix(".tokens")
        got = dump(source.read_text(encoding="utf-8"))
        got_path = source.with_name(source.stem + ".got.tokens")
        if update:
            expected_path.write_text(got, encoding="utf-8")
        expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else None
        if expected != got:
            got_path.write_text(got, encoding="utf-8")
            failures.append(f"{source.relative_to(ROOT)}: tokens differ from {expected_path.name}; "
                            f"diff {expected_path.relative_to(ROOT)} {got_path.relative_to(ROOT)}")
        elif got_path.exists():
            got_path.unlink()
    return len(inputs)


def main() -> int:
    failures: list[str] = []
    counts = [check_registration(failures), check_keywords(failures), check_samples(failures), check_cases(failures)]
    for f in failures:
        print(f)
    print(f"pygments: {counts[1]} keyword and property checks, {counts[2]} maps and documented blocks, "
          f"{counts[3]} token cases; {len(failures)} failures")
    return 1 if failures or 0 in counts else 0


if __name__ == "__main__":
    sys.exit(main())
