"""Merging persons value by value into the one kept, recorded so it can be taken back exactly."""
