"""Search over persons, organisations and networks.

`service` answers queries (SearchService), `indexer` keeps the index in step, `query` and
`conditions` turn a text into rank classes, `folding` and `documents` hold the matching forms.
Import the submodule you need; this package imports nothing itself, to keep start-up fast.
"""
