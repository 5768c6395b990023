// Tests for JourneyFormat.
