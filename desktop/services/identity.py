"""Who is working: the person picked at start, whose name signs every change.

Without users in the file (or before anyone is picked, as in the command line), changes are
signed with the fallback name, the computer's login name: a one-person business never has
to pick itself. The owner profile is assumed then, since nobody restricted anything.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain.enums import Profile
from desktop.services.reference import UserData


class Identity:
    def __init__(self, fallback: Callable[[], str]) -> None:
        self._fallback = fallback
        self.user: UserData | None = None

    def name(self) -> str:
        """The name written in the audit trail for the changes made now."""
        return self.user.name if self.user is not None else self._fallback()

    @property
    def profile(self) -> Profile:
        """The profile of the person working; owner when nobody was picked."""
        return self.user.profile if self.user is not None else Profile.OWNER

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user is not None else None

    def sign_in(self, user: UserData | None) -> None:
        """Work as `user` from now on (None: back to the computer's login name)."""
        self.user = user
