"""Propositions: the proposal editor, the schedule templates dialog, their labels."""
