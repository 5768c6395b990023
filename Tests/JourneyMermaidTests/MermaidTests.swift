// Tests for JourneyMermaid.
