"""JourneyLexer: .journey customer journey maps (journeyc) for Pygments.

The language is read line by line: a statement keyword starts a line, its positional parts
follow (identifiers, quoted text, numbers), then properties (`via web`, `severity 4`), then
perhaps a comment. The keyword lists mirror Sources/JourneySyntax/Keywords.swift; the editor
tests (Tests/Editors/check_pygments.py) read that table and fail when a word is missing here.
"""

from pygments.lexer import RegexLexer, bygroups, default
from pygments.token import (Comment, Error, Keyword, Literal, Name, Number, Operator, String,
                            Whitespace)

__all__ = ["JourneyLexer"]

# An identifier: a letter or `_`, then letters, digits, `-`, `_` (any non-ASCII letter or mark too).
ID = r"[^\W\d](?:[\w-]|[^\x00-\x7f\s])*"
END = r"(?![\w-]|[^\x00-\x7f\s])"
IND = r"^([ \t\f\v]*)"

ELEMENTS = ("journey", "persona", "channel", "stage", "touchpoint", "portfolio", "objective")
ATTRIBUTES = ("description", "owner", "actor", "version", "state", "baseline", "scale", "goal", "color",
              "share", "weights", "freshness", "size", "fact", "frustration", "behavior", "image",
              "volume", "value", "cost", "contributes", "currency", "detail")
CONTENT = ("emotion", "pain", "delight", "opportunity", "quote", "metric", "evidence")
BLUEPRINT = ("frontstage", "backstage", "support", "system")
KEYWORDS = ("use",) + ELEMENTS + ATTRIBUTES + CONTENT + BLUEPRINT
PROPERTIES = ("via", "severity", "reach", "owner", "impact", "effort", "addresses", "status", "target", "link",
              "file", "date", "from", "column", "data", "emotion", "personas", "pains", "triggers", "needs", "at", "image",
              "per", "theme", "weight", "experience", "volume", "value", "cost", "goals")
CHANNELS = ("web", "mobile-app", "email", "sms", "phone", "chat", "social", "search", "ad", "store", "mail",
            "event", "partner", "other")
EVIDENCE_KINDS = ("survey", "analytics", "interview", "support", "usability-test", "sales", "other")
STATUSES = ("idea", "planned", "in-progress", "shipped", "dropped")

_PROPS = "|".join(sorted(PROPERTIES, key=len, reverse=True))
# A quoted date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), as three groups: quote, date, quote. Only where
# the language reads a date (after `date`, a status word, `state current|future`): elsewhere a
# quoted "1999" or "2024-01" is a name or a quote, text like any other.
_DATE = r'(?:([ \t]+)(")([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)("))'
_DATE_TOKENS = (Whitespace, String.Double, Literal.Date, String.Double)
_NUMBER = r"[+-]?[$€£¥₹]?[0-9]+(?:\.[0-9]+)?"


def _alternatives(items):
    return "|".join(sorted(items, key=len, reverse=True))


class JourneyLexer(RegexLexer):
    """Customer journey maps written as code, for journeyc."""

    name = "Journey"
    aliases = ["journey"]
    filenames = ["*.journey"]
    mimetypes = ["text/x-journey"]

    tokens = {
        "root": [
            (r"\n", Whitespace),
            (IND + r"(#.*)$", bygroups(Whitespace, Comment.Single)),
            (IND + r"(use)" + END, bygroups(Whitespace, Keyword.Namespace), "body"),
            (IND + r"(persona|channel)" + END + r"(?:([ \t]+)(" + ID + "))?",
             bygroups(Whitespace, Keyword.Declaration, Whitespace, Name.Class), "body"),
            (IND + r"(stage|objective)" + END + r"(?:([ \t]+)(" + ID + "))?",
             bygroups(Whitespace, Keyword.Declaration, Whitespace, Name.Namespace), "body"),
            (IND + r"(touchpoint)" + END + r"(?:([ \t]+)(?!(?:" + _PROPS + ")" + END + ")(" + ID + "))?",
             bygroups(Whitespace, Keyword.Declaration, Whitespace, Name.Function), "body"),
            (IND + r"(journey|portfolio)" + END, bygroups(Whitespace, Keyword.Declaration), "body"),
            (IND + r"(state)" + END + r"(?:([ \t]+)(?:(current|future)" + END + "|(" + ID + ")))?" + _DATE + "?",
             bygroups(Whitespace, Keyword, Whitespace, Name.Constant, Error, *_DATE_TOKENS), "body"),
            (IND + r"(fact)" + END + r"(?:([ \t]+)(" + ID + "))?",
             bygroups(Whitespace, Keyword, Whitespace, Name.Property), "body"),
            (IND + r"(size)" + END + r"(?:([ \t]+)(" + _NUMBER + r"[kKMB]?)" + END + r"(?:([ \t]+)(" + ID + "))?)?",
             bygroups(Whitespace, Keyword, Whitespace, Number, Whitespace, Keyword.Type), "body"),
            (IND + r"(emotion|quote)" + END + r"(?:([ \t]+)(" + ID + "))?",
             bygroups(Whitespace, Keyword, Whitespace, Name.Variable), "body"),
            (IND + r"(evidence)" + END + r"(?:([ \t]+)(" + ID + r")(?=[ \t]+[^\W\d]))?(?:([ \t]+)(?:("
             + _alternatives(EVIDENCE_KINDS) + ")" + END + "|(" + ID + ")))?",
             bygroups(Whitespace, Keyword, Whitespace, Name.Label, Whitespace, Name.Builtin, Name.Constant), "body"),
            (IND + r"(" + _alternatives(("pain", "delight", "opportunity", "metric") + BLUEPRINT) + ")" + END
             + r"(?:([ \t]+)(" + ID + "))?",
             bygroups(Whitespace, Keyword, Whitespace, Name.Label), "body"),
            (IND + r"(" + _alternatives(KEYWORDS) + ")" + END, bygroups(Whitespace, Keyword), "body"),
            # A line that starts with a word that is no statement (`section`, a typo).
            (IND + r"(" + ID + ")", bygroups(Whitespace, Error), "body"),
            (r"[ \t\f\v]+", Whitespace),
            default("body"),
        ],
        "body": [
            (r"\n", Whitespace, "#pop"),
            (r"#.*$", Comment.Single),
            (r"[ \t\f\v]+", Whitespace),
            (r'"(?:[^"\\\n]|\\.)*\\?$', Error),  # unterminated: a string never spans lines
            (r'"', String.Double, "string"),
            (r"(addresses|triggers|needs)" + END, Name.Attribute, "references"),
            (r"(via)" + END + r"(?:([ \t]+)(?:(" + _alternatives(CHANNELS) + ")" + END + "|(" + ID + ")))?",
             bygroups(Name.Attribute, Whitespace, Name.Builtin, Name.Variable)),
            (r"(status)" + END + r"(?:([ \t]+)(?:(" + _alternatives(STATUSES) + ")" + END + "|(" + ID + ")))?" + _DATE + "?",
             bygroups(Name.Attribute, Whitespace, Name.Constant, Error, *_DATE_TOKENS)),
            (r"(date)" + END + _DATE, bygroups(Name.Attribute, *_DATE_TOKENS)),
            (r"(at)" + END + r"(?:([ \t]+)(" + ID + "))?", bygroups(Name.Attribute, Whitespace, Name.Variable)),
            (r"(" + _PROPS + ")" + END, Name.Attribute),
            (r"<=|>=|<|>|\.\.", Operator),
            (r"([+-]?)([$€£¥₹]?)([0-9]+(?:\.[0-9]+)?)(%|min|[smhdkKMB])?(?![\w%]|\.[0-9])"
             r"(?:([ \t]+)(s|min|h|d|count|score|[A-Z]{3})" + END + ")?",
             bygroups(Number, Keyword.Type, Number, Keyword.Type, Whitespace, Keyword.Type)),
            (ID, Name),
            (r".", Error),
        ],
        "string": [
            (r'\\(?:["\\nt]|u\{[0-9A-Fa-f]{1,6}\})', String.Escape),
            (r"\\.?", Error),
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
        ],
        "references": [
            (r"[ \t]+(?=(?:" + _PROPS + ")" + END + ")", Whitespace, "#pop"),
            (r"[ \t]+", Whitespace),
            (ID, Name.Variable),
            default("#pop"),
        ],
    }
