"""Qt widgets, item models, dialogs and background tasks. Only this package imports Qt."""
