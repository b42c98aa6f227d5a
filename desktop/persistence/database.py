"""A Database: one engine, one session factory, one transaction per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.persistence.engine import make_engine


class Database:
    def __init__(
        self, engine: Engine, path: Path | None = None, *, read_only: bool = False
    ) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only  # opened by a command that only reads: writes would fail
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def at(cls, path: Path, *, read_only: bool = False) -> Database:
        return cls(make_engine(path, read_only=read_only), path, read_only=read_only)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit when the block ends normally; roll everything back on any exception."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; nothing is committed."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()
