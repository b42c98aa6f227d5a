"""Reference lists the forms choose from: users (salespeople…) and segments."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.domain.enums import AuditAction, Profile
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.text import fold
from desktop.persistence import audit
from desktop.persistence.models import Customer, Segment, User
from desktop.services.context import ServiceContext


@dataclass(frozen=True)
class UserData:
    id: int
    name: str
    profile: Profile
    email: str
    active: bool


@dataclass(frozen=True)
class SegmentData:
    id: int
    name: str
    description: str
    customer_count: int


class ReferenceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def users(self, profile: Profile | None = None, active_only: bool = True) -> list[UserData]:
        """Users sorted by name, optionally of one profile."""
        with self._ctx.database.read() as session:
            stmt = select(User).order_by(User.sort_name, User.id)
            if profile is not None:
                stmt = stmt.where(User.profile == profile.value)
            if active_only:
                stmt = stmt.where(User.active.is_(True))
            return [
                UserData(u.id, u.name, Profile(u.profile), u.email, u.active)
                for u in session.scalars(stmt)
            ]

    def salespeople(self) -> list[UserData]:
        """Active users with the salesperson profile."""
        return self.users(Profile.SALESPERSON)

    def add_user(self, name: str, profile: Profile, email: str = "") -> int:
        """Create a user; the name is required."""
        name = " ".join(name.split())
        if not name:
            raise ValidationError([FieldError("name", ErrorCode.REQUIRED)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            user = User(
                name=name,
                sort_name=fold(name),
                profile=profile.value,
                email=email.strip(),
                created_at=now,
                updated_at=now,
            )
            session.add(user)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="user",
                entity_id=user.id,
                summary=name,
            )
            return user.id

    def segments(self) -> list[SegmentData]:
        """Segments sorted by name, with how many customers each holds."""
        with self._ctx.database.read() as session:
            counts = dict(
                session.execute(
                    select(Customer.segment_id, func.count(Customer.id)).group_by(
                        Customer.segment_id
                    )
                ).all()
            )
            return [
                SegmentData(s.id, s.name, s.description, counts.get(s.id, 0))
                for s in session.scalars(select(Segment).order_by(Segment.sort_name, Segment.id))
            ]

    def add_segment(self, name: str, description: str = "") -> int:
        """Create a segment; names are unique."""
        name = " ".join(name.split())
        if not name:
            raise ValidationError([FieldError("name", ErrorCode.REQUIRED)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            if session.execute(select(Segment.id).where(Segment.name == name)).first():
                raise ValidationError([FieldError("name", ErrorCode.DUPLICATE_NAME)])
            segment = Segment(
                name=name,
                sort_name=fold(name),
                description=description.strip(),
                created_at=now,
                updated_at=now,
            )
            session.add(segment)
            session.flush()
            return segment.id
