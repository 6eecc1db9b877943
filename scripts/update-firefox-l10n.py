#!/usr/bin/env python3
"""Extracts Firefox's localized CORS, mixed-content, CORP, ORB and SRI console messages.

Reads Debian's `firefox-esr-l10n-*` packages (one language pack each) and the `firefox-esr`
package's own en-US strings, and writes `src/l10n/firefox.txt`, the data `src/l10n.rs` matches
pasted messages against:

    # header lines (the Firefox version read, the command that wrote the file)
    =<code> <language name>           one block per language, en-US first
    @frame\t<text>                    the start the language's CORS keys share (see below)
    <key>\t<anchor>\t<label>\t<template>
        the language's wording of one key (%1$S, %2$S are the values). <anchor> is the index of
        its rarest whole word (a line is only tried against templates whose anchor it holds),
        then `^` when a line starting with the template's first word starts a localized message
        (it never continues the line before it). <label> names every language with this very
        wording ("Español (CL) / Español (ES)"), empty when only this one. A <template> that
        starts with a tab is the frame, then the rest.

Compaction (sizes are printed by this script; see DEVELOPERS.md for the figures):
- A template equal to en-US's (quotes and spaces aside) is left out: the English patterns
  already read it. A wording several languages share is written once, with a label naming them.
- The CORS keys share a frame ("Cross-Origin Request Blocked: ... at %1$S. (Reason: ").
  Each language writes its frame once, as the pseudo-key `@frame`, and each CORS key only
  the text after it; `src/l10n.rs` puts them back together.

Usage:
    scripts/update-firefox-l10n.py [--debs DIR]

Without --debs the packages are fetched with `apt-get download` into a temporary directory
(Debian's archive is one of the registries this machine reaches). Needs: dpkg-deb, unzip.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

# The keys we recognise: every CORS* message, mixed content, CORP, ORB and SRI (file, key).
SECURITY = "global/security/security.properties"
NECKO = "necko/necko.properties"
KEYS = [
    (SECURITY, "CORSDisabled"),
    (SECURITY, "CORSDidNotSucceed2"),
    (SECURITY, "CORSOriginHeaderNotAdded"),
    (SECURITY, "CORSExternalRedirectNotAllowed"),
    (SECURITY, "CORSRequestNotHttp"),
    (SECURITY, "CORSMissingAllowOrigin2"),
    (SECURITY, "CORSMultipleAllowOriginNotAllowed"),
    (SECURITY, "CORSAllowOriginNotMatchingOrigin"),
    (SECURITY, "CORSNotSupportingCredentials"),
    (SECURITY, "CORSMethodNotFound"),
    (SECURITY, "CORSMissingAllowCredentials"),
    (SECURITY, "CORSPreflightDidNotSucceed3"),
    (SECURITY, "CORSInvalidAllowMethod"),
    (SECURITY, "CORSInvalidAllowHeader"),
    (SECURITY, "CORSMissingAllowHeaderFromPreflight2"),
    (SECURITY, "CORSAllowHeaderFromPreflightDeprecation"),
    (SECURITY, "BlockMixedDisplayContent"),
    (SECURITY, "BlockMixedActiveContent"),
    (SECURITY, "LoadingMixedActiveContent2"),
    (SECURITY, "LoadingMixedDisplayContent2"),
    (SECURITY, "MixedContentBlockedDownload"),
    (SECURITY, "MixedContentAutoUpgrade"),
    (SECURITY, "IneligibleResource"),
    (NECKO, "CORPBlocked"),
    (NECKO, "ResourceBlockedORB"),
]
# The CORS keys whose templates start with the shared frame (the warning has its own).
FRAMED = [k for f, k in KEYS if k.startswith("CORS") and k != "CORSAllowHeaderFromPreflightDeprecation"]


def read_properties(text):
    """A .properties file as a dict (the subset Firefox's files use: `key = value`, `#` comments,
    backslash line continuations, \\uXXXX escapes)."""
    out = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].lstrip()
        i += 1
        if not line or line[0] in "#!":
            continue
        while line.endswith("\\") and i < len(lines):
            line = line[:-1] + lines[i].lstrip()
            i += 1
        m = re.match(r"([^=:\s]+)\s*[=:]\s?(.*)$", line)
        if not m:
            continue
        value = re.sub(r"\\u([0-9a-fA-F]{4})", lambda u: chr(int(u.group(1), 16)), m.group(2))
        out[m.group(1)] = value.replace("\\n", "\n").replace("\\\\", "\\").strip()
    return out


def one_line(value):
    """A template as one line: our format is line-based and consoles print these on one line."""
    return " ".join(value.split())


def deb_extract(deb, dest):
    subprocess.run(["dpkg-deb", "-x", deb, dest], check=True)


def firefox_version(debs):
    """The version of the l10n packages read (they equal the firefox-esr version)."""
    versions = {os.path.basename(d).split("_")[1] for d in debs}
    return ", ".join(sorted(versions))


def langpack_strings(xpi):
    """(code, name, {key: template}) of one language pack."""
    with zipfile.ZipFile(xpi) as z:
        manifest = json.loads(z.read("manifest.json"))
        code = manifest["langpack_id"]
        name = manifest["name"].removeprefix("Language: ")
        name = re.sub(r"\s*\([^)]*\)$", "", name) or code
        strings = {}
        for path in z.namelist():
            for file, key in KEYS:
                if path.endswith("/locale/" + code + "/" + file) and "devtools" not in path:
                    props = read_properties(z.read(path).decode("utf-8"))
                    if key in props:
                        strings[key] = one_line(props[key])
        return code, name, strings


def english_strings(omni):
    with zipfile.ZipFile(omni) as z:
        strings = {}
        for file, key in KEYS:
            props = read_properties(z.read("chrome/en-US/locale/en-US/" + file).decode("utf-8"))
            strings[key] = one_line(props[key])
        return strings


def frame_of(strings):
    """The start most of a language's CORS keys share, up to where their reasons begin: the
    common start of the keys that agree on the text up to `%1$S` (one key may quote the URL)."""
    texts = [strings[k] for k in FRAMED if "%1$S" in strings.get(k, "")]
    heads = [t[: t.index("%1$S") + 4] for t in texts]
    if not heads:
        return None
    head = max(set(heads), key=heads.count)
    prefix = os.path.commonprefix([t for t in texts if t.startswith(head)])
    return prefix if heads.count(head) >= 2 and len(prefix) > len(head) else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--debs", help="a directory with firefox-esr and firefox-esr-l10n-*.deb")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "l10n", "firefox.txt"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        debs_dir = args.debs
        if not debs_dir:
            debs_dir = os.path.join(tmp, "debs")
            os.makedirs(debs_dir)
            names = subprocess.run(["apt-cache", "search", "--names-only", "^firefox-esr-l10n-"],
                                   capture_output=True, text=True, check=True).stdout.split("\n")
            pkgs = [n.split()[0] for n in names if n.strip()] + ["firefox-esr"]
            subprocess.run(["apt-get", "download", *pkgs], cwd=debs_dir, check=True)
        debs = sorted(glob.glob(os.path.join(debs_dir, "firefox-esr-l10n-*.deb")))
        debs = [d for d in debs if not os.path.basename(d).startswith("firefox-esr-l10n-all_")]
        main_deb = glob.glob(os.path.join(debs_dir, "firefox-esr_*.deb"))
        if not debs or not main_deb:
            sys.exit("update-firefox-l10n: no firefox-esr / firefox-esr-l10n-*.deb found")

        root = os.path.join(tmp, "root")
        deb_extract(main_deb[0], root)
        english = english_strings(os.path.join(root, "usr/lib/firefox-esr/omni.ja"))
        languages = []
        for deb in debs:
            dest = os.path.join(tmp, os.path.basename(deb))
            deb_extract(deb, dest)
            for xpi in glob.glob(os.path.join(dest, "usr/lib/firefox-esr/browser/extensions/*.xpi")):
                languages.append(langpack_strings(xpi))
        version = firefox_version(main_deb)

    out_lines, stats = render(english, sorted(languages))
    text = "\n".join(header(version, len(languages)) + out_lines) + "\n"
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(text)
    print(f"update-firefox-l10n: {len(languages)} language packs + en-US; {stats}; "
          f"{len(text.encode())} bytes written to {args.out}")


def header(version, count):
    return [
        "# Firefox's localized CORS, mixed-content, CORP, ORB and SRI console messages.",
        f"# Read from Debian's firefox-esr {version} and its {count} firefox-esr-l10n-* language packs",
        "# by scripts/update-firefox-l10n.py (do not edit by hand). Format: see that script.",
    ]


# --- What src/l10n.rs needs precomputed: it must agree with that file (tests/l10n.rs checks). --

def normalize(text):
    """parse::normalize for templates: typographic quotes to ASCII, invisible and bidi characters
    (facts::is_invisible_control) and controls dropped, whitespace runs to one space."""
    out = []
    for c in text:
        o = ord(c)
        if c in "\u2018\u2019\u201a\u201b\u2032":
            c = "'"
        elif c in "\u201c\u201d\u201e\u201f\u2033":
            c = '"'
        elif o == 0x61C or 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2060 <= o <= 0x2069 or o == 0xFEFF:
            continue
        elif c.isspace():
            c = " "
        elif unicodedata.category(c) == "Cc":
            continue
        out.append(c)
    return " ".join("".join(out).split())


def is_separator(c):
    """src/l10n.rs is_separator: whitespace and punctuation of the scripts Firefox uses."""
    o = ord(c)
    return (c.isspace() or (o < 128 and not c.isalnum() and c.isprintable() and c != " " and not c.isalnum())
            or 0x2000 <= o <= 0x206F or 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F
            or 0xFF1A <= o <= 0xFF20 or 0xFF3B <= o <= 0xFF40 or 0xFF5B <= o <= 0xFF65
            or c in "\u00ab\u00bb\u00a1\u00bf\u00b7\u060c\u061b\u061f\u06d4\u0964\u0965\u0589\u055d\u05be")


def words(text):
    """(offset, word) of every maximal run of non-separators."""
    out, start = [], None
    for i, c in enumerate(text + " "):
        if is_separator(c):
            if start is not None:
                out.append((start, text[start:i]))
            start = None
        elif start is None:
            start = i
    return out


def parts(template):
    """Text and value parts of a normalized template (values as ints)."""
    return [int(p[1]) if p.startswith("%") and len(p) > 2 else (1 if p == "%S" else p)
            for p in re.split(r"(%[1-9]\$S|%S)", normalize(template)) if p]


def whole_words(ps):
    """Words a pasted line shows whole: inside one text part, not touching a value."""
    out = []
    for i, p in enumerate(ps):
        if isinstance(p, int):
            continue
        for at, w in words(p):
            if (at == 0 and i > 0) or (at + len(w) == len(p) and i + 1 < len(ps)):
                continue
            out.append(w)
    return out


def render(english, languages):
    """The data lines: per language its frame and, per key, anchor, label and template."""
    en_parts = {k: parts(t) for k, t in english.items()}
    # One entry per distinct (key, wording): the languages that share it, in order.
    entries = {}
    for code, name, strings in languages:
        for _, key in KEYS:
            t = strings.get(key)
            if t is None or parts(t) == en_parts[key]:
                continue  # untranslated, or only quotes differ: the English patterns read it
            entries.setdefault((key, normalize(t)), []).append((code, name, t))
    # Anchor: the whole word fewest entries share (the longest among equals).
    counts = {}
    for (key, norm) in entries:
        for w in set(whole_words(parts(norm))):
            counts[w] = counts.get(w, 0) + 1
    english_words = {w for t in english.values() for w in whole_words(parts(t))}

    def head(ps):
        """The template's first word, if a line starting with it starts a localized message."""
        if isinstance(ps[0], str) and words(ps[0]) and words(ps[0])[0][0] == 0:
            w = words(ps[0])[0][1]
            if len(w) < len(ps[0]) and len(w) >= 2 and w not in english_words:
                return w
        return None

    lines = []
    first_of = {}
    for entry, langs in entries.items():
        first_of.setdefault(langs[0][0], []).append(entry)
    kept = 0
    for code, name, strings in [("en-US", "English", english)] + languages:
        frame = frame_of(strings)
        block = [f"={code} {name}"] + ([f"@frame\t{frame}"] if frame else [])
        mine = [(key, english[key], "", "") for _, key in KEYS] if code == "en-US" else []
        for (key, norm) in first_of.get(code, []):
            langs = entries[(key, norm)]
            ps = parts(norm)
            ww = whole_words(ps)
            anchor = str(min(range(len(ww)), key=lambda i: (counts[ww[i]], -len(ww[i])))) if ww else ""
            if head(ps):
                anchor += "^"
            label = " / ".join(n for _, n, _ in langs) if len(langs) > 1 else ""
            mine.append((key, langs[0][2], anchor, label))
        for key, t, anchor, label in mine:
            kept += 1
            if frame and key in FRAMED and t.startswith(frame):
                block.append(f"{key}\t{anchor}\t{label}\t\t{t[len(frame):]}")
            else:
                block.append(f"{key}\t{anchor}\t{label}\t{t}")
        if len(block) > 2 or (len(block) > 1 and not frame):
            lines += block
    heads = {head(parts(norm)) for (_, norm) in entries} - {None}
    return lines, f"{len(entries)} distinct translated wordings, {len(heads)} first words"


if __name__ == "__main__":
    main()
