"""Run the pacto CLI as `python -m pacto`."""

from pacto.cli import main

if __name__ == "__main__":
    main()
