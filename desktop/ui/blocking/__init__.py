"""Blocking decisions: the owner's list of proposals, the blocked banner, the dialogs."""
