#!/usr/bin/env python3
"""Writes an adversarial HAR file for benchmarks: N entries, every one failed with one of
Chrome's `_error` texts (each is read as a Network-panel line, see src/parse.rs), from 500 hosts.

    python3 scripts/har-error-flood.py 80000 /tmp/err.har   # about 24 MB
    /usr/bin/time -f "%e s %M KB" target/release/cors-doctor explain /tmp/err.har
"""
import json
import sys

ERRORS = [
    "net::ERR_BLOCKED_BY_CLIENT",
    "net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin",
    "net::ERR_CONNECTION_REFUSED",
    "net::ERR_FAILED",
]


def entry(i):
    """One no-cors load from a page, failed with an `_error`, without a response."""
    return {
        "request": {
            "method": "GET",
            "url": f"https://cdn{i % 500}.example.net/asset/{i}.js",
            "headers": [
                {"name": "Referer", "value": "https://shop.example.com/"},
                {"name": "Sec-Fetch-Mode", "value": "no-cors"},
            ],
            "cookies": [],
        },
        "response": {"status": 0, "headers": [], "_error": ERRORS[i % len(ERRORS)]},
    }


def main():
    """Writes the file named by the second argument with as many entries as the first says."""
    count, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"log":{"version":"1.2","pages":[],"entries":[')
        out.write(",".join(json.dumps(entry(i)) for i in range(count)))
        out.write("]}}")


if __name__ == "__main__":
    main()
