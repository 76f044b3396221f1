"""The model: typed, immutable content built from what the readers found (after checks)."""
