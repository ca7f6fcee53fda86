"""The ``knotwork`` command line."""
