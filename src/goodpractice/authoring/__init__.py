"""Authoring commands: write content files for people (new case study, stamps, issue form)."""
