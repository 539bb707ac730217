"""Errors the user is meant to read: each carries a translated, one-line message."""


class DefenceDirError(Exception):
    """An expected failure with a message for the user (no traceback wanted)."""


class DatabaseOpenError(DefenceDirError):
    """The database cannot be opened; the file was left as it was."""


class NotADatabaseError(DatabaseOpenError):
    pass


class NewerSchemaError(DatabaseOpenError):
    pass


class DatabaseLocationError(DatabaseOpenError):
    pass


class DatabaseFailureError(DefenceDirError):
    """A foreseeable database failure (locked, disk full, corrupt, read-only …); the transaction
    was rolled back. `failure` names the kind (see defence_dir.data.failures.Failure)."""

    def __init__(self, message: str, failure: str) -> None:
        super().__init__(message)
        self.failure = failure


class ValidationError(DefenceDirError):
    """A value the user entered is not acceptable; `field` names which one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(DefenceDirError):
    pass
