"""Checks: rules that read what the readers found and yield problems for people."""
