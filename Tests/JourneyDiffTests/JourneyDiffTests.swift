// Tests for JourneyDiff.
