"""`python -m defence_dir`: the same as the `defence-dir` command."""

import sys

from defence_dir.cli import main

sys.exit(main())
