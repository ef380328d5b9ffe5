"""Allow ``python -m threshold_guide``."""

from threshold_guide.cli.main import main

raise SystemExit(main())
