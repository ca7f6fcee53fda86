"""The web app: server-rendered pages with JSON twins, and a JSON API (FastAPI)."""
