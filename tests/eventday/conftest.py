"""The event-day fixtures (defined in event_day_data.py, which tests import helpers from)."""

from event_day_data import event_day as event_day
from event_day_data import out as out
