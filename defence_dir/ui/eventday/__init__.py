"""Event day in the window: badge and attendee-list exports, the check-in window."""
