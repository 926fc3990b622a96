"""Fails the conformance run when it tested less than it reports.

Reads the OpenAPI document and the HAR files schemathesis wrote (one per phase) and exits 1
when a documented operation got no request at all, or got only 401/403 answers: a run whose
token was revoked part-way still "passes" every check on those 401s while testing nothing.

Usage: python conformance-coverage.py openapi.yaml phase1.har [phase2.har ...]
"""
import json
import re
import sys
from urllib.parse import urlparse

import yaml

METHODS = {"get", "post", "put", "patch", "delete"}
# Schemathesis loads the document from this path and leaves it out of the operations it tests
# (HealthTests covers it).
DOCUMENT_PATH = "/openapi.yaml"


def operations(document):
    """(method, path template, compiled pattern) for every documented operation."""
    result = []
    for path, item in document["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
        for method in item:
            if method in METHODS and path != DOCUMENT_PATH:
                result.append((method.upper(), path, pattern))
    return result


def main(arguments):
    with open(arguments[0]) as handle:
        known = operations(yaml.safe_load(handle))
    statuses = {(method, path): [] for method, path, _ in known}
    for har in arguments[1:]:
        with open(har) as handle:
            entries = json.load(handle)["log"]["entries"]
        for entry in entries:
            method = entry["request"]["method"]
            path = urlparse(entry["request"]["url"]).path
            # The most specific template wins: /v1/units/{code} over nothing, literal over {id}.
            matches = [(m, p) for m, p, pattern in known if m == method and pattern.match(path)]
            matches.sort(key=lambda operation: operation[1].count("{"))
            if matches:
                statuses[matches[0]].append(entry["response"]["status"])
    failures = []
    for (method, path), seen in sorted(statuses.items(), key=lambda item: item[0][1]):
        if not seen:
            failures.append(f"{method} {path}: no request was sent")
        elif all(status in (401, 403) for status in seen):
            failures.append(f"{method} {path}: all {len(seen)} requests got only 401/403")
    total = sum(len(seen) for seen in statuses.values())
    if failures:
        print(f"conformance: {len(failures)} of {len(statuses)} operations were not tested past authentication:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(f"conformance: every one of the {len(statuses)} operations got an answer past authentication ({total} requests)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
