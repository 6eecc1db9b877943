#!/usr/bin/env python3
"""Trunk post-build hook: put the sha256 of Trunk's inline loader script into the page's CSP.

Trunk writes a small inline <script type=module> that loads the wasm; its text (and so its hash)
changes with every build's file names. Runs on $TRUNK_STAGING_DIR/index.html.
"""
import base64
import hashlib
import os
import re
import sys

path = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "index.html")
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script type=\"?module\"?>(.*?)</script>", html, re.S)
if len(scripts) != 1 or "__TRUNK_LOADER_HASH__" not in html:
    sys.exit(f"csp-hash: expected one inline module script and the hash placeholder in {path}")
digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
open(path, "w", encoding="utf-8").write(html.replace("__TRUNK_LOADER_HASH__", digest))
