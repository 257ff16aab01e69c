"""Run the command line: ``python -m newsmodel``."""

from __future__ import annotations

import sys

from newsmodel.cli import main

if __name__ == "__main__":
    sys.exit(main())
