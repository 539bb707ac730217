"""vCard export and import.

`text` holds the RFC 2426 / 6350 escaping and folding, `writer` builds cards per target profile,
`export` writes files (one .vcf, a folder or a .zip), `reader` parses cards of any version and
`importer` turns them into directory entries with a preview; `service` is what the window and
the command line call, each function in a transaction of its own. See docs/vcard.md for why
the writer and reader are our own and vobject is used to check them.
"""
