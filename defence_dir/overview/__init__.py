"""The overview's figures (figures.py), read through service.py."""
