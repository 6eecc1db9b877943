#!/usr/bin/env python3
"""Trunk post-build hook, on $TRUNK_STAGING_DIR:

0. drop the three JS stream classes Leptos links in and the app never uses (server_fn's
   wasm-streams: IntoUnderlyingSource, -ByteSource, -Sink): their wasm exports keep ~1 KB brotli
   of code alive. The classes go from the JS glue and the exports from the wasm, then wasm-opt
   removes the code only they reached. Any change in their shape stops the build;
1. minify wasm-bindgen's JS glue with terser (Trunk's own JS minifier fails on it);
2. rewrite Trunk's loader to start after the first paint, with the Subresource Integrity of
   the final JS and wasm (see below), and put its sha256 into the page's
   Content-Security-Policy and the `_headers` file for static hosts (its text changes with
   every build's file names);
3. write `source.tar.gz`, the committed source (`git archive HEAD`), beside the app: the
   footer's "Source code" link leads there, to the code that was built, wherever it is hosted;
4. write `psl.js`, the Public Suffix List (src/psl/rules.txt) as one JS string, which the app
   loads only when someone types an origin pattern (src/psl.rs says why it is not in the wasm),
   and `firefox-l10n.js`, Firefox's messages in every language (src/l10n/firefox.txt), which it
   loads only when a paste is not all read in English (src/l10n.rs), and `examples.js`, the
   example menu's pastes (src/catalog/examples.txt), loaded when an example is chosen.
"""
import json
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


STREAM_CLASSES = ("IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource")


def drop_stream_classes(js):
    for name in STREAM_CLASSES:
        counts = []
        for pattern in (
            r"export class %s \{\n.*?\n\}\n" % name,
            r"if \(Symbol\.dispose\) %s\.prototype\[Symbol\.dispose\] = %s\.prototype\.free;\n"
            % (name, name),
            r"const %sFinalization = \(typeof FinalizationRegistry === 'undefined'\)\n[^\n]*\n[^\n]*;\n"
            % name,
        ):
            js, n = re.subn(pattern, "", js, flags=re.S)
            counts.append(n)
        if counts != [1, 1, 1]:
            sys.exit(f"post-build: the JS glue's {name} is not shaped as expected ({counts})")
    js = js.replace('const __wbindgen_enum_ReadableStreamType = ["bytes"];\n', "")
    if re.search(r"intounderlying|IntoUnderlying|ReadableStreamType\[", js):
        sys.exit("post-build: a stream class is still referenced by the JS glue")
    return js


def leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb128(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def drop_exports(wasm, prefixes):
    """The module without the exports whose names start with one of `prefixes`."""
    out, i, dropped = bytearray(wasm[:8]), 8, 0
    while i < len(wasm):
        section = wasm[i]
        size, start = leb128(wasm, i + 1)
        body = wasm[start : start + size]
        if section == 7:  # the export section
            count, k = leb128(body, 0)
            kept = []
            for _ in range(count):
                length, name_at = leb128(body, k)
                name = body[name_at : name_at + length]
                _, end = leb128(body, name_at + length + 1)  # kind byte, then the index
                if name.startswith(prefixes):
                    dropped += 1
                else:
                    kept.append(body[k:end])
                k = end
            body = uleb128(len(kept)) + b"".join(kept)
        out += bytes([section]) + uleb128(len(body)) + body
        i = start + size
    return bytes(out), dropped


bin_dir = os.path.join(os.path.dirname(__file__), "..", "node_modules", ".bin")
for js in glob.glob(os.path.join(staging, "*.js")):
    text = drop_stream_classes(open(js, encoding="utf-8").read())
    open(js, "w", encoding="utf-8").write(text)
    subprocess.run(
        [os.path.join(bin_dir, "terser"), js, "--module", "--compress", "--mangle", "-o", js],
        check=True,
    )

for wasm in glob.glob(os.path.join(staging, "*.wasm")):
    module, dropped = drop_exports(
        open(wasm, "rb").read(), (b"intounderlying", b"__wbg_intounderlying")
    )
    if dropped < 3:
        sys.exit(f"post-build: expected the stream classes' exports in {wasm}, found {dropped}")
    open(wasm, "wb").write(module)
    subprocess.run([os.path.join(bin_dir, "wasm-opt"), "-Oz", wasm, "-o", wasm], check=True)

# Start loading the app after the first paint: the static page (header, paste box) paints at
# once, and the app's download does not compete with it. Trunk's preload links go; the loader
# adds the JS module's preload itself (with its integrity, which the import then honours) and
# fetches the wasm with its integrity checked.
# Trunk's preload links go (their integrity was for the files before this hook changed them);
# the URLs keep Trunk's --public-url prefix, the integrity is that of the final files.
targets = {}
for ext in ("js", "wasm"):
    files = glob.glob(os.path.join(staging, "*." + ext))
    if len(files) != 1:
        sys.exit(f"post-build: expected one .{ext} file in {staging}")
    name = os.path.basename(files[0])
    urls = re.findall(r"<link[^>]*href=([^ >]*?" + re.escape(name) + r") [^>]*>", html)
    if len(urls) != 1:
        sys.exit(f"post-build: expected one preload link for {name} in {index}")
    html = re.sub(r"<link[^>]*href=[^ >]*?" + re.escape(name) + r" [^>]*>", "", html)
    targets[ext] = (urls[0], "sha384-" + digest("sha384", open(files[0], "rb").read()))
(js_url, js_sri), (wasm_url, wasm_sri) = targets["js"], targets["wasm"]
loader = re.findall(r"(<script type=\"?module\"?>)(.*?)(</script>)", html, re.S)
if len(loader) != 1 or f"from '{js_url}'" not in loader[0][1] or f"'{wasm_url}'" not in loader[0][1]:
    sys.exit(f"post-build: Trunk's loader in {index} is not shaped as expected")
new_loader = (
    "await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));"
    "const l = document.createElement('link');"
    f"l.rel = 'modulepreload'; l.href = '{js_url}'; l.integrity = '{js_sri}'; l.crossOrigin = 'anonymous';"
    "document.head.append(l);"
    f"const bindings = await import('{js_url}');"
    f"const wasm = await bindings.default({{ module_or_path: fetch('{wasm_url}', {{ integrity: '{wasm_sri}' }}) }});"
    "window.wasmBindings = bindings;"
    "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));"
)
html = html.replace(loader[0][0] + loader[0][1] + loader[0][2], loader[0][0] + new_loader + loader[0][2])

scripts = re.findall(r"<script type=\"?module\"?>(.*?)</script>", html, re.S)
if len(scripts) != 1 or "__TRUNK_LOADER_HASH__" not in html:
    sys.exit(f"post-build: expected one inline module script and the hash placeholder in {index}")
loader_hash = digest("sha256", scripts[0].encode("utf-8"))
html = html.replace("__TRUNK_LOADER_HASH__", loader_hash)

headers = os.path.join(staging, "_headers")
if os.path.exists(headers):
    text = open(headers, encoding="utf-8").read()
    if "__TRUNK_LOADER_HASH__" not in text:
        sys.exit(f"post-build: expected the hash placeholder in {headers}")
    open(headers, "w", encoding="utf-8").write(text.replace("__TRUNK_LOADER_HASH__", loader_hash))

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
tarball = subprocess.run(
    ["git", "-C", root, "archive", "--format=tar.gz", "--prefix=cors-doctor/", "HEAD"],
    capture_output=True,
)
if tarball.returncode != 0 or not tarball.stdout:
    sys.exit("post-build: `git archive HEAD` failed: the build needs a git checkout (footer link)")
open(os.path.join(staging, "source.tar.gz"), "wb").write(tarball.stdout)

rules = open(os.path.join(root, "src", "psl", "rules.txt"), encoding="ascii").read()
with open(os.path.join(staging, "psl.js"), "w", encoding="ascii") as out:
    out.write("self.corsDoctorPsl=" + json.dumps(rules) + ";\n")
# Firefox's messages in every language (src/l10n.rs says why they are not in the wasm). UTF-8,
# not \u escapes: escaped, the file is twice as large after brotli.
languages = open(os.path.join(root, "src", "l10n", "firefox.txt"), encoding="utf-8").read()
with open(os.path.join(staging, "firefox-l10n.js"), "w", encoding="utf-8") as out:
    out.write("self.corsDoctorL10n=" + json.dumps(languages, ensure_ascii=False) + ";\n")
examples = open(os.path.join(root, "src", "catalog", "examples.txt"), encoding="utf-8").read()
with open(os.path.join(staging, "examples.js"), "w", encoding="utf-8") as out:
    out.write("self.corsDoctorExamples=" + json.dumps(examples, ensure_ascii=False) + ";\n")
open(index, "w", encoding="utf-8").write(html)
