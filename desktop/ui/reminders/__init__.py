"""The reminder calendar's widgets: month and week views, the dialogs of the day's
actions (call, promise, hand-off), the task list and the dunning-plan editor."""
