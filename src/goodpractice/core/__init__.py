"""The domain: what a case study, a vocabulary and a page are. Never imports MkDocs."""
