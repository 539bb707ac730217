"""The team database: where it is, its password in the system keyring, a connection check."""
