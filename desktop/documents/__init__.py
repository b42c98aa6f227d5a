"""Renderers of printed documents (PDF, Excel, iCalendar), fed plain data. No Qt, no ORM."""
