"""A Pygments lexer for journeyc's .journey files (see lexer.JourneyLexer)."""

from .lexer import JourneyLexer

__all__ = ["JourneyLexer"]
