"""Sub-commands of `encaisse`, one module each.

A module here defines `register(subparsers, common)`, which adds its sub-parser with
`parents=[common]` and `set_defaults(handler=run)`; `run(args) -> int` does the work.
Modules import heavy libraries (pandas, ReportLab, Qt) inside `run`, never at the top,
so `encaisse --version` stays instant. Add a new module to COMMAND_MODULES.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "aging",
    "backup",
    "brief",
    "calendar",
    "check_prospect",
    "claim",
    "disputes",
    "dso",
    "import_cmd",
    "penalties",
    "personal_data",
    "plan",
    "proposal",
    "letters",
    "reminders",
    "report",
    "score",
    "scorecard",
    "statement",
)
