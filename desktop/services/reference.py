"""Reference lists the forms choose from: users (salespeople…) and segments."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.domain.enums import AuditAction, Profile
from desktop.domain.errors import ErrorCode, FieldError, ValidationError
from desktop.domain.pin import hash_pin, is_valid_pin, pin_matches
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
    has_pin: bool = False


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
                UserData(u.id, u.name, Profile(u.profile), u.email, u.active, bool(u.pin_hash))
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

    def user(self, user_id: int) -> UserData | None:
        """One user, active or not; None when there is no such user."""
        with self._ctx.database.read() as session:
            u = session.get(User, user_id)
            if u is None:
                return None
            return UserData(u.id, u.name, Profile(u.profile), u.email, u.active, bool(u.pin_hash))

    def set_pin(self, user_id: int, pin: str | None) -> None:
        """Give a user a PIN (4 to 8 digits) to type at start, or remove it with None.

        Only a salted hash is stored; the audit trail says the PIN changed, never its value.
        """
        if pin is not None and not is_valid_pin(pin):
            raise ValidationError([FieldError("pin", ErrorCode.INVALID_PIN)])
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            user = session.get(User, user_id)
            if user is None:
                raise ValidationError([FieldError("user", ErrorCode.NOT_FOUND)])
            user.pin_hash = hash_pin(pin) if pin is not None else ""
            user.updated_at = now
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="user",
                entity_id=user.id,
                summary=f"{user.name} : code PIN {'défini' if pin is not None else 'retiré'}",
            )

    def pin_accepted(self, user_id: int, pin: str) -> bool:
        """Whether `pin` opens the session of this user: always for a user without a PIN,
        never for an unknown or inactive user."""
        with self._ctx.database.read() as session:
            user = session.get(User, user_id)
            if user is None or not user.active:
                return False
            return not user.pin_hash or pin_matches(pin, user.pin_hash)

    def set_user_active(self, user_id: int, active: bool) -> None:
        """Deactivate someone who left (they vanish from the pickers and the start list; their
        name stays on past work) or reactivate them."""
        now = self._ctx.clock.now()
        with self._ctx.database.transaction() as session:
            user = session.get(User, user_id)
            if user is None:
                raise ValidationError([FieldError("user", ErrorCode.NOT_FOUND)])
            if user.active == active:
                return
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.UPDATE,
                entity="user",
                entity_id=user.id,
                summary=user.name,
                changes={"active": (user.active, active)},
            )
            user.active = active
            user.updated_at = now

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
            audit.record(
                session,
                at=now,
                actor=self._ctx.actor(),
                action=AuditAction.CREATE,
                entity="segment",
                entity_id=segment.id,
                summary=name,
            )
            return segment.id
