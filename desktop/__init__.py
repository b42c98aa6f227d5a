"""Encaisse — credit management for small businesses."""

__version__ = "0.1.0"
APP_NAME = "Encaisse"
