"""Queries the services need, written once, in portable SQLAlchemy constructs."""
