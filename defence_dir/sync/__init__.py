"""Offline copies: a laptop's local copy of the team database, read-only, brought up to date by
`defence-dir sync --from URL`.

Design. Every database logs what changes in `change_log` (migration 0005): triggers on each
mirrored table (PostgreSQL and SQLite alike, so a team file works too and tests run without a
server) add (sequence number, table, row id) for every insert, update and delete, including
those a cascade makes; ids only, never the data. Each database has its own id in `sync_state`.
A copy is an ordinary SQLite file whose `sync_state` says which team it copies (`copy_of`), up
to which sequence number (`last_seq`), when (`synced_at`), and where the team is (`team_url`,
without password); opening it gives a `Database` that refuses every write but the sync's own
(`Database.offline_copy`), and the change-log triggers stay quiet in it.

- The first sync (or `--full`, or a team database that was replaced) builds a new file beside
  the copy from one consistent snapshot of the team and renames it over the copy
  (full_copy.py): a kill -9 leaves the old file or the new one.
- A later sync applies the rows the log names since `last_seq` in one transaction on the copy
  (incremental.py), refreshes the search documents of what they touch, and wipes the file as
  an erasure does (FTS rebuild, VACUUM, checkpoint; defence_dir/privacy/wipe.py) when persons
  went: an erasure in the team leaves nothing of the person in any copy after its next sync.
- The team is read in a snapshot that includes every change up to the head of the log
  (team.py explains why PostgreSQL needs a short lock for that).

Import history (import_batch, import_change), the audit log and saved column mappings stay with
the team: a copy cannot import or undo. The log grows with every change (about 40 bytes a
row); pruning entries that every copy has applied is left for later.
"""

from defence_dir.sync.progress import Progress, SyncCancelled
from defence_dir.sync.service import SyncResult, copy_path, sync_copy
from defence_dir.sync.state import OfflineCopy

__all__ = ["OfflineCopy", "Progress", "SyncCancelled", "SyncResult", "copy_path", "sync_copy"]
