"""What the pages share: cached data access, filters, chart builders, theme and layout pieces."""
