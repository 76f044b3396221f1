"""The foundation: problems, text, formatting, languages, page addresses and page-metadata keys.

Knows nothing of content files; every other layer may import it.
"""
