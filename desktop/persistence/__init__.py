"""SQLAlchemy models, the engine, repositories and the migrations runner."""
