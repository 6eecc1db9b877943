#!/usr/bin/env python3
"""Trunk post-build hook, on $TRUNK_STAGING_DIR:

1. minify wasm-bindgen's JS glue with terser (Trunk's own JS minifier fails on it), and update
   the Subresource Integrity hash Trunk wrote for it;
2. put the sha256 of Trunk's inline loader script into the page's Content-Security-Policy
   (its text changes with every build's file names).
"""
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
index = os.path.join(staging, "index.html")
html = open(index, encoding="utf-8").read()


def digest(algorithm, data):
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode()


terser = os.path.join(os.path.dirname(__file__), "..", "node_modules", ".bin", "terser")
for js in glob.glob(os.path.join(staging, "*.js")):
    subprocess.run([terser, js, "--module", "--compress", "--mangle", "-o", js], check=True)
    name = os.path.basename(js)
    new = digest("sha384", open(js, "rb").read())
    html, n = re.subn(
        r'(href=/?' + re.escape(name) + r' integrity=sha384-)[A-Za-z0-9+/=]+', r"\g<1>" + new, html
    )
    if n != 1:
        sys.exit(f"post-build: expected one integrity attribute for {name} in {index}")

scripts = re.findall(r"<script type=\"?module\"?>(.*?)</script>", html, re.S)
if len(scripts) != 1 or "__TRUNK_LOADER_HASH__" not in html:
    sys.exit(f"post-build: expected one inline module script and the hash placeholder in {index}")
html = html.replace("__TRUNK_LOADER_HASH__", digest("sha256", scripts[0].encode("utf-8")))
open(index, "w", encoding="utf-8").write(html)
