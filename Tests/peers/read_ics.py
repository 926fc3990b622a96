"""Reads an iCalendar file with the `icalendar` package (what calendar tools in Python use) and
prints its events as JSON: uid, summary, status, and DTSTART/DTEND in UTC, so a Swift test can
compare them with what it logged. Exits non-zero if the file does not parse."""
import json
import sys
from datetime import timezone

import icalendar

calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = []
for event in calendar.walk("VEVENT"):
    def utc(name):
        value = event.get(name)
        return value.dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if value is not None else None
    events.append({
        "uid": str(event.get("UID")),
        "summary": str(event.get("SUMMARY")),
        "description": str(event.get("DESCRIPTION", "")),
        "location": str(event.get("LOCATION", "")),
        "status": str(event.get("STATUS", "")),
        "dtstart": utc("DTSTART"),
        "dtend": utc("DTEND"),
        "dtstamp": utc("DTSTAMP"),
    })
print(json.dumps({"version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")), "events": events}))
