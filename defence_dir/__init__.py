"""defence-dir: the DEFENCE.NRW directory and contact app (core package, no Qt)."""

__version__ = "0.1.0"
