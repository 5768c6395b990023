// JourneyExport: Model → JSON, CSV and Markdown (`journeyc export`).
