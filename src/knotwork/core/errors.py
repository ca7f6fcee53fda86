"""The one error hierarchy of Knotwork's core.

Each surface translates these in one place: the CLI prints one line and exits 2 for
``InvalidInput`` (bad input or usage) and 1 for the rest; the web answers one JSON error shape
with the status given by ``http_status``.

    KnotworkError
    ├── InvalidInput            bad input from a person or a caller (exit 2, HTTP 400/422)
    │   ├── UnknownRegion       a body region id the atlas does not know (suggests close ids)
    │   ├── UnknownMuscle       a muscle id or alias the knowledge base does not know
    │   │   └── AmbiguousMuscle a group name ("SCM") that covers several muscles
    │   └── NothingUnderstood   free text in which no body location was recognised
    ├── NotFound                a thing that should exist does not (HTTP 404)
    ├── DataError               shipped or edited data files are invalid (with a list of problems)
    ├── ConfigError             a KNOTWORK_* setting has a bad value
    └── StoreError              the diary store cannot be used (damaged, foreign, newer, down)
"""

from __future__ import annotations

from collections.abc import Sequence


class KnotworkError(Exception):
    """Base of every error Knotwork raises on purpose."""

    code = "error"
    http_status = 500

    def __init__(self, message: str, *, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details)


class InvalidInput(KnotworkError):
    code = "invalid_input"
    http_status = 400


class UnknownId(InvalidInput):
    """An id that is not in a controlled vocabulary; carries the closest known ids."""

    kind = "id"

    def __init__(self, value: str, suggestions: Sequence[str] = ()) -> None:
        self.value = value
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown {self.kind} '{value}'.{hint}")


class UnknownRegion(UnknownId):
    code = "unknown_region"
    kind = "body region"


class UnknownMuscle(UnknownId):
    code = "unknown_muscle"
    kind = "muscle"


class AmbiguousMuscle(UnknownMuscle):
    """A group name ("SCM", "scalenes") that covers several muscle files."""

    code = "ambiguous_muscle"

    def __init__(self, value: str, members: Sequence[str] = ()) -> None:
        super().__init__(value, members)
        self.message = f"'{value}' names several muscles: {', '.join(members)}."
        self.args = (self.message,)


class UnknownQuestion(UnknownId):
    code = "unknown_question"
    kind = "red-flag question"


class NothingUnderstood(InvalidInput):
    code = "nothing_understood"


class NotFound(KnotworkError):
    code = "not_found"
    http_status = 404


class DataError(KnotworkError):
    code = "data_error"


class ConfigError(KnotworkError):
    code = "config_error"


class StoreError(KnotworkError):
    """The diary store cannot be used: not a Knotwork database, damaged, made by a newer
    version, or not reachable. The message says which and what to do."""

    code = "store_unavailable"
    http_status = 503
