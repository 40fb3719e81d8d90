"""Allow ``python -m thucydides``."""

from thucydides.cli.main import run

run()
