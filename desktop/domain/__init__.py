"""Plain-Python rules of the trade: no Qt, no database."""
