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


class ValidationError(DefenceDirError):
    """A value the user entered is not acceptable; `field` names which one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(DefenceDirError):
    pass
