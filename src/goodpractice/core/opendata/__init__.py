"""Open data: the catalogue as records, tables, feeds, JSON-LD and sitemap facts."""
