"""Thin surfaces around the core: the command line, the web app and storage."""
