"""python -m workload_app (and the desktop bundle) opens the window."""

import sys

from workload_app.app import main

if __name__ == "__main__":
    sys.exit(main())
