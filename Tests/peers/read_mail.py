"""Reads a message with Python's `email` package (policy=default, what mail tools in Python use)
and prints what a Swift test compares with what it sent, as JSON: decoded subject, addresses,
Message-ID, list headers, the text and HTML parts' content (line breaks as \\n), attachments
with their SHA-256, the raw Subject field and any defects found. Exits non-zero if unreadable."""
import email
import email.policy
import hashlib
import json
import sys

raw = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=email.policy.default)


def mailbox(name):
    header = message[name]
    if header is None:
        return None
    address = header.addresses[0]
    return {"name": address.display_name, "address": address.addr_spec}


def content(part):
    return part.get_content().replace("\r\n", "\n") if part is not None else None


def defects(part):
    found = [type(defect).__name__ for defect in part.defects]
    for sub in part.iter_parts() if part.is_multipart() else []:
        found += defects(sub)
    return found


text = message.get_body(preferencelist=("plain",))
html = message.get_body(preferencelist=("html",))
raw_subject = email.message_from_bytes(raw, policy=email.policy.compat32).get("Subject", "")
print(json.dumps({
    "subject": str(message["subject"]),
    "raw_subject": raw_subject,
    "from": mailbox("from"),
    "to": mailbox("to"),
    "reply_to": mailbox("reply-to"),
    "message_id": str(message["message-id"]).strip().strip("<>"),
    "date": str(message["date"]),
    "content_type": message.get_content_type(),
    "list_unsubscribe": message["list-unsubscribe"] and str(message["list-unsubscribe"]),
    "list_unsubscribe_post": message["list-unsubscribe-post"] and str(message["list-unsubscribe-post"]),
    "text": content(text),
    "text_charset": text.get_content_charset() if text is not None else None,
    "html": content(html),
    "attachments": [
        {"filename": part.get_filename(), "content_type": part.get_content_type(), "sha256": hashlib.sha256(part.get_content()).hexdigest()}
        for part in message.iter_attachments()
    ],
    "defects": defects(message),
}))
