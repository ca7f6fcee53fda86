"""``python -m knotwork``: the same entry point as the ``knotwork`` console command."""

from knotwork.adapters.cli.main import run

run()
