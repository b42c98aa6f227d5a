"""The dispute log: labels, the dispute dialogs."""
