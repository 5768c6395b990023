// JourneyFormat: SyntaxTree (with its comments) → the canonical text of a map (`journeyc fmt`).
