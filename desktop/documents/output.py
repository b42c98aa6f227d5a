"""Files written whole or not at all: a document appears under its name only once complete.

A crash, a kill or a full disk while ReportLab or openpyxl writes would otherwise leave a
truncated PDF or workbook under the final name, which a user might print or send. The
document is written to a hidden temporary file in the same folder, flushed to disk, then
renamed over the target in one step (a rename within a folder is atomic).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_atomically(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `path`, on failure it
    is removed and `path` is left as it was."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
