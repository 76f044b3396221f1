"""The MkDocs adapter: a thin plugin around the core. The only package that imports MkDocs."""
