"""The audit trail: one row per change, written inside the change's own transaction."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.orm import Session

from desktop.persistence.models import AuditEntry


def row(
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int,
    summary: str = "",
    changes: dict[str, tuple[object, object]] | None = None,
) -> dict[str, object]:
    """The audit row of a change, as a dict for bulk inserts (see `record`)."""
    return {
        "at": at,
        "actor": actor,
        "action": str(action),
        "entity": entity,
        "entity_id": entity_id,
        "summary": summary,
        "changes_json": json.dumps(
            {k: [str(a), str(b)] for k, (a, b) in (changes or {}).items()},
            ensure_ascii=False,
        ),
    }


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int,
    summary: str = "",
    changes: dict[str, tuple[object, object]] | None = None,
) -> None:
    session.add(
        AuditEntry(
            **row(
                at=at,
                actor=actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                summary=summary,
                changes=changes,
            )
        )
    )


def diff(before: dict[str, object], after: dict[str, object]) -> dict[str, tuple[object, object]]:
    return {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
