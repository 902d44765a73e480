"""Stored analyses: one linted Dockerfile or Compose file with its findings, shareable by an unguessable id."""
