"""The event itself: name badges with a contact QR code, sign-in sheets, check-in at the door."""
