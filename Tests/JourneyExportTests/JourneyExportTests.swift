// Tests for JourneyExport.
