"""`python -m defence_dir`: the same as the `defence-dir` command."""

import sys

from defence_dir.cli import main

# Guarded: worker processes (spawned for large imports and index builds) import this module
# again as their main module and must not run the command a second time.
if __name__ == "__main__":
    sys.exit(main())
