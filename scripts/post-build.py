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
   example menu's pastes (src/catalog/examples.txt), loaded when an example is chosen;
5. write `t/ID.js`, one per target: its config template, loaded when that target is shown.
"""
import json
import base64
import glob
import hashlib
import os
import re
import subprocess
import sys

def digest(algorithm, data):
    """The base64 digest of `data` (for Subresource Integrity and CSP hashes)."""
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode()


STREAM_CLASSES = ("IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource")


def drop_stream_classes(js):
    """The JS glue without the three stream classes; stops the build if their shape changed."""
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
    """An unsigned LEB128 number at `data[i]`: (value, index after it)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb128(n):
    """`n` as unsigned LEB128 bytes."""
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


BIN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "node_modules", ".bin")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def minify_js(staging):
    """Step 0 and 1 for the JS glue: drop the stream classes, then minify with terser."""
    for js in glob.glob(os.path.join(staging, "*.js")):
        text = drop_stream_classes(open(js, encoding="utf-8").read())
        open(js, "w", encoding="utf-8").write(text)
        subprocess.run(
            [os.path.join(BIN_DIR, "terser"), js, "--module", "--compress", "--mangle", "-o", js],
            check=True,
        )


def trim_wasm(staging):
    """Step 0 for the wasm: drop the stream classes' exports, then let wasm-opt remove the code
    only they reached."""
    for wasm in glob.glob(os.path.join(staging, "*.wasm")):
        module, dropped = drop_exports(
            open(wasm, "rb").read(), (b"intounderlying", b"__wbg_intounderlying")
        )
        if dropped < 3:
            sys.exit(f"post-build: expected the stream classes' exports in {wasm}, found {dropped}")
        open(wasm, "wb").write(module)
        subprocess.run([os.path.join(BIN_DIR, "wasm-opt"), "-Oz", wasm, "-o", wasm], check=True)


def rewrite_loader(html, staging, index):
    """Step 2: the page with Trunk's preload links removed and its loader replaced by one that
    starts after the first paint, with the integrity of the final JS and wasm.

    The static page (header, paste box) paints at once, and the app's download does not compete
    with it. The URLs keep Trunk's --public-url prefix; the integrity is that of the files as
    this hook left them (Trunk's was for the files before)."""
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
    return html.replace(loader[0][0] + loader[0][1] + loader[0][2], loader[0][0] + new_loader + loader[0][2])


def hash_loader(html, staging, index):
    """Step 2, continued: the loader's sha256 into the page's Content-Security-Policy and the
    `_headers` file for static hosts (its text changes with every build's file names)."""
    scripts = re.findall(r"<script type=\"?module\"?>(.*?)</script>", html, re.S)
    if len(scripts) != 1 or "__TRUNK_LOADER_HASH__" not in html:
        sys.exit(f"post-build: expected one inline module script and the hash placeholder in {index}")
    loader_hash = digest("sha256", scripts[0].encode("utf-8"))
    headers = os.path.join(staging, "_headers")
    if os.path.exists(headers):
        text = open(headers, encoding="utf-8").read()
        if "__TRUNK_LOADER_HASH__" not in text:
            sys.exit(f"post-build: expected the hash placeholder in {headers}")
        open(headers, "w", encoding="utf-8").write(text.replace("__TRUNK_LOADER_HASH__", loader_hash))
    return html.replace("__TRUNK_LOADER_HASH__", loader_hash)


def write_source_archive(staging):
    """Step 3: `source.tar.gz`, the committed source (`git archive HEAD`), for the footer link."""
    tarball = subprocess.run(
        ["git", "-C", ROOT, "archive", "--format=tar.gz", "--prefix=cors-doctor/", "HEAD"],
        capture_output=True,
    )
    if tarball.returncode != 0 or not tarball.stdout:
        sys.exit("post-build: `git archive HEAD` failed: the build needs a git checkout (footer link)")
    open(os.path.join(staging, "source.tar.gz"), "wb").write(tarball.stdout)


def write_lazy_data(staging):
    """Step 4: the data files the page loads on demand, each one JS string in a global: the
    Public Suffix List (src/psl.rs says why it is not in the wasm), Firefox's messages in every
    language (src/l10n.rs) and the example menu's pastes (src/catalog/examples.rs). UTF-8, not
    \\u escapes: escaped, the files are twice as large after brotli."""
    for name, source, global_name, encoding in (
        ("psl.js", ("psl", "rules.txt"), "corsDoctorPsl", "ascii"),
        ("firefox-l10n.js", ("l10n", "firefox.txt"), "corsDoctorL10n", "utf-8"),
        ("examples.js", ("catalog", "examples.txt"), "corsDoctorExamples", "utf-8"),
    ):
        text = open(os.path.join(ROOT, "src", *source), encoding=encoding).read()
        with open(os.path.join(staging, name), "w", encoding=encoding) as out:
            out.write(f"self.{global_name}=" + json.dumps(text, ensure_ascii=False) + ";\n")


def write_templates(staging):
    """Step 5: one file per target, `t/ID.js`, holding its config template (the registry in
    src/generate/targets.rs names each target's id and template file). The page's wasm carries
    no template: it loads the one it shows (src/generate.rs, `Framework::script`), so a visit
    costs one template, not all of them. The file sets a global named like the file itself to
    the target's id, a newline and the template."""
    registry = open(os.path.join(ROOT, "src", "generate", "targets.rs"), encoding="utf-8").read()
    targets = re.findall(r'target!\("([a-z0-9-]+)", "[^"]*", "[^"]*", "([^"]+)"', registry)
    if len(targets) < 30:
        sys.exit(f"post-build: found only {len(targets)} targets in src/generate/targets.rs")
    os.makedirs(os.path.join(staging, "t"), exist_ok=True)
    for target_id, template_file in targets:
        path = os.path.join(ROOT, "src", "generate", "templates", template_file)
        template = open(path, encoding="utf-8").read()
        name = f"t/{target_id}.js"
        with open(os.path.join(staging, name), "w", encoding="utf-8") as out:
            out.write(f"self[{json.dumps(name)}]=" + json.dumps(target_id + "\n" + template, ensure_ascii=False) + ";\n")


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR", "dist")
    index = os.path.join(staging, "index.html")
    html = open(index, encoding="utf-8").read()
    minify_js(staging)
    trim_wasm(staging)
    html = hash_loader(rewrite_loader(html, staging, index), staging, index)
    write_source_archive(staging)
    write_lazy_data(staging)
    write_templates(staging)
    open(index, "w", encoding="utf-8").write(html)


if __name__ == "__main__":
    main()
