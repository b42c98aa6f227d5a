"""Use cases: one public method = one user action = one transaction. No Qt here."""
