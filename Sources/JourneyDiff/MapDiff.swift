// JourneyDiff: two Models → what changed between them (`journeyc diff`).
