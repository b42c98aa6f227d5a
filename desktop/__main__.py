"""`python -m desktop` starts Encaisse like the `encaisse` command."""

from desktop.cli import main

raise SystemExit(main())
