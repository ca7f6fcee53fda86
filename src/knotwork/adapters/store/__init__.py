"""The diary store: SQLAlchemy 2 Core over SQLite (the embedded default) or PostgreSQL, with
Alembic migrations shipped in ``migrations/`` and run when a store is opened."""
