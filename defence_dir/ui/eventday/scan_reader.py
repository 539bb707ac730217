"""What a keyboard-wedge scanner typed, put back together: a badge's QR code holds a vCard of
several lines, and the wedge types each line break as an Enter key press."""

from __future__ import annotations

BEGIN, END = "BEGIN:VCARD", "END:VCARD"


class ScanReader:
    """Collects the lines of one vCard (from "BEGIN:VCARD" to "END:VCARD"); any other line is
    complete in itself (a bare UID, a name)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    @property
    def collecting(self) -> bool:
        """Whether a vCard has begun and its end is still to come."""
        return bool(self.lines)

    def reset(self) -> None:
        self.lines = []

    def feed(self, line: str) -> str | None:
        """One line as the field held it at Enter; the complete text once there is one."""
        if not self.lines:
            start = line.upper().find(BEGIN)
            if start < 0:
                text = line.strip()
                return text or None
            line = line[start:]  # whatever stood in the field before the scan is not part of it
        elif line.upper().find(BEGIN) >= 0:
            # A new card before the old one ended (a scan broke off): the new one counts.
            self.lines = []
            line = line[line.upper().find(BEGIN):]
        if not line.strip():
            return None  # some wedges send CR and LF as two Enters
        # Kept as typed: a folded vCard line goes on with a leading space.
        self.lines.append(line.rstrip("\r\n"))
        if line.strip().upper() == END:
            text = "\r\n".join(self.lines) + "\r\n"
            self.lines = []
            return text
        return None
