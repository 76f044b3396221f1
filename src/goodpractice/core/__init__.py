"""The domain: what a case study, a vocabulary and a page are. Never imports MkDocs.

Subpackages follow the pipeline; each imports only those before it (held by the import-linter
contract in pyproject.toml): base -> readers -> model -> checks -> opendata -> pages -> pipeline.
"""
