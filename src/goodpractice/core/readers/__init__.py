"""Readers: content files to raw content (YAML and Markdown, with the line of every value)."""
