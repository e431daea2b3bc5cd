"""python -m workload_app opens the window."""

from workload_app.app import main

if __name__ == "__main__":
    main()
