"""python -m workload_app (and the desktop bundle) opens the window."""

import multiprocessing
import sys

from workload_app.app import main

if __name__ == "__main__":
    # The sheets' worker processes (services/sheets.py) start this same program on Windows (spawn):
    # in the bundle, such a child must run its worker, not open another window.
    multiprocessing.freeze_support()
    sys.exit(main())
