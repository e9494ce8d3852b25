"""`python -m banmian.core.cli`: the command line without the window's launcher."""

from banmian.core.cli.main import main

raise SystemExit(main())
