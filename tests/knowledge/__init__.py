"""Tests for flashpoint.knowledge."""
