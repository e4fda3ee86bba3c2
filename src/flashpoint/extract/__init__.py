"""Extraction stages: one module per stage, each a callable Story -> Story."""
