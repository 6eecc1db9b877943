#!/usr/bin/env python3
"""Writes src/psl/rules.txt, the Public Suffix List the origin-pattern check reads.

The rules come from the `psl` crate (a maintained crate that embeds the list, at the version
Cargo.lock pins; its data/rules.txt), so the native test that compares our lookup with that
crate's (tests in src/psl.rs) checks the very list we ship. Run after `cargo update -p psl`:

    python3 scripts/update-psl.py

Format, compact for the page: one line per top-level label, `tld:rest,rest,...`, where each
rest is a rule without its last label (empty for the TLD itself), `*` and `!` kept as in the
list, internationalized labels in punycode (browsers send hosts in that form).
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def psl_version():
    """The psl crate version Cargo.lock pins."""
    lock = open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8").read()
    m = re.search(r'name = "psl"\nversion = "([^"]+)"', lock)
    if not m:
        sys.exit("update-psl: Cargo.lock has no psl crate (cargo fetch first)")
    return m.group(1)


def rules_file(version):
    """The crate's data/rules.txt in the local cargo registry."""
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = glob.glob(os.path.join(home, "registry/src/*/psl-%s/data/rules.txt" % version))
    if not found:
        sys.exit("update-psl: psl-%s not in the cargo registry (run cargo fetch)" % version)
    return found[0]


def ascii_rule(rule):
    """A rule with every non-ASCII label in punycode."""
    out = []
    for label in rule.split("."):
        if label.isascii():
            out.append(label)
        else:
            out.append("xn--" + label.encode("punycode").decode("ascii"))
    return ".".join(out)


def main():
    version = psl_version()
    groups = {}
    for line in open(rules_file(version), encoding="utf-8"):
        rule = line.strip().lower()
        if not rule or rule.startswith("//"):
            continue
        rule = ascii_rule(rule)
        head, _, tld = rule.rpartition(".")
        groups.setdefault(tld, set()).add(head)
    lines = ["# Public Suffix List from the psl crate %s (scripts/update-psl.py)" % version]
    for tld in sorted(groups):
        lines.append(tld + ":" + ",".join(sorted(groups[tld])))
    path = os.path.join(ROOT, "src/psl/rules.txt")
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("update-psl: %d rules under %d top-level labels -> %s" % (
        sum(len(v) for v in groups.values()), len(groups), os.path.relpath(path, ROOT)))


if __name__ == "__main__":
    main()
