#!/usr/bin/python3
"""Captures what WebKit (Safari's engine) prints for misconfigured CORS servers.

WebKitGTK (Debian's gir1.2-webkit2-4.1, driven through python3-gi under Xvfb) writes its console
to stderr when `enable-write-console-messages-to-stdout` is set. Each scenario runs in its own
process: a page on http://localhost:PORT calls an API on http://127.0.0.1:PORT2 that answers as
the scenario says; the console lines are written verbatim to
<out-dir>/real-webkit-<scenario>.txt. The same scenarios as capture.mjs (Chromium, Firefox).
Servers listen on 127.0.0.1 only and stop with the process.

Usage: tests/capture/webkit.py [out-dir] [--only=a,b]
       (needs: apt-get install gir1.2-webkit2-4.1 python3-gi xvfb xauth)
"""
import http.server
import os
import socketserver
import subprocess
import sys
import threading

CALLS = {
    "get": "fetch(API + '/data')",
    "credentials": "fetch(API + '/data', { credentials: 'include' })",
    "put": "fetch(API + '/items/1', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })",
    "delete": "fetch(API + '/items/1', { method: 'DELETE' })",
    "patch": "fetch(API + '/items/1', { method: 'PATCH' })",
    "auth": "fetch(API + '/items', { headers: { Authorization: 'Bearer x' } })",
    "xhr": "new Promise((ok) => { const x = new XMLHttpRequest(); x.open('GET', API + '/xhr'); x.onloadend = ok; x.send(); })",
    "redirect": "fetch(API + '/r')",
    "image": "new Promise((ok) => { const i = new Image(); i.onload = i.onerror = ok; i.src = API + '/img.png'; document.documentElement.append(i); })",
    "image-cors": "new Promise((ok) => { const i = new Image(); i.crossOrigin = 'anonymous'; i.onload = i.onerror = ok; i.src = API + '/img.png'; document.documentElement.append(i); })",
    "canvas": "new Promise((ok, fail) => { const i = new Image(); i.onload = () => { try { const c = document.createElement('canvas'); c.width = c.height = 1; c.getContext('2d').drawImage(i, 0, 0); c.toDataURL(); ok(); } catch (e) { fail(e); } }; i.onerror = ok; i.src = API + '/img.png'; })",
    "port6000": "fetch('http://127.0.0.1:6000/data')",
    "file": "fetch('file:///etc/hostname')",
    "ftp": "fetch('ftp://127.0.0.1/file.txt')",
    "image-file": "new Promise((ok) => { const i = new Image(); i.onload = i.onerror = ok; i.src = 'file:///etc/hostname'; document.documentElement.append(i); })",
}

# A 1x1 transparent PNG, for the image scenarios.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63646060f80f0002870180eb47ba92"
    "0000000049454e44ae426082"
)
IMG = {"Content-Type": "image/png"}

# Response headers of the page itself, per scenario (a Content-Security-Policy).
PAGE_HEADERS = {
    "csp-connect-src": {"Content-Security-Policy": "connect-src 'self'"},
    "csp-img-src": {"Content-Security-Policy": "img-src 'self'"},
}

# Each scenario: the call the page makes, and how the API answers (status, headers) for a
# preflight (OPTIONS) and for the request; `o` is the page's origin.
SCENARIOS = {
    "missing-allow-origin": ("get", lambda m, o: (200, {})),
    "missing-allow-origin-500": ("get", lambda m, o: (500, {})),
    "origin-mismatch": ("get", lambda m, o: (200, {"Access-Control-Allow-Origin": "https://app.example.com"})),
    "multiple-allow-origin": ("get", lambda m, o: (200, {"Access-Control-Allow-Origin": f"{o}, {o}"})),
    "wildcard-with-credentials": ("credentials", lambda m, o: (200, {"Access-Control-Allow-Origin": "*"})),
    "credentials-not-true": ("credentials", lambda m, o: (200, {"Access-Control-Allow-Origin": o})),
    "preflight-bad-status": ("put", lambda m, o: (401, {"Access-Control-Allow-Origin": o}) if m == "OPTIONS" else (200, {})),
    "preflight-404-no-headers": ("delete", lambda m, o: (404, {}) if m == "OPTIONS" else (200, {})),
    "method-not-allowed": ("patch", lambda m, o: (204, {"Access-Control-Allow-Origin": o, "Access-Control-Allow-Methods": "GET, POST"})),
    "header-not-allowed": ("auth", lambda m, o: (204, {"Access-Control-Allow-Origin": o, "Access-Control-Allow-Methods": "GET, POST"})),
    "network-error": ("closed", None),
    "xhr-missing-allow-origin": ("xhr", lambda m, o: (200, {})),
    # The rarer classes (the recognition issue, item 3).
    "csp-connect-src": ("get", lambda m, o: (200, {"Access-Control-Allow-Origin": o})),
    "csp-img-src": ("image", lambda m, o: (200, IMG)),
    "restricted-port": ("port6000", None),
    "redirect-to-data": ("redirect", lambda m, o: (302, {"Location": "data:text/plain,hi", "Access-Control-Allow-Origin": o})),
    "cross-origin-redirect-denied": ("redirect", lambda m, o: (302, {"Location": "http://localhost:9/elsewhere"})),
    "canvas-taint": ("canvas", lambda m, o: (200, IMG)),
    "image-crossorigin-missing-allow-origin": ("image-cors", lambda m, o: (200, IMG)),
    "fetch-file-scheme": ("file", None),
    "fetch-ftp-scheme": ("ftp", None),
    "image-file-scheme": ("image-file", None),
}


def serve(handler_class):
    server = socketserver.TCPServer(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_scenario(name):
    """In the child process: serve, load the page in WebKit, let it print for a few seconds."""
    import gi

    gi.require_version("Gtk", "3.0")
    gi.require_version("WebKit2", "4.1")
    from gi.repository import GLib, Gtk, WebKit2

    call, answer = SCENARIOS[name]
    state = {}

    class Api(http.server.BaseHTTPRequestHandler):
        def reply(self):
            status, headers = answer(self.command, state["origin"])
            self.send_response(status)
            body = PNG if headers.get("Content-Type") == "image/png" else b"{}"
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_PUT = do_DELETE = do_PATCH = do_POST = do_OPTIONS = reply

        def log_message(self, *args):
            pass

    if answer is None:  # nothing listens there
        closed = serve(http.server.BaseHTTPRequestHandler)
        api_url = f"http://127.0.0.1:{closed.server_address[1]}"
        closed.shutdown()
        closed.server_close()
    else:
        api_url = f"http://127.0.0.1:{serve(Api).server_address[1]}"
    script = CALLS.get(call, "fetch(API + '/refused')")

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = (
                f"<!doctype html><title>{name}</title><script>const API = '{api_url}';"
                f"Promise.resolve({script}).catch((e) => console.error(String(e)));</script>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            for key, value in PAGE_HEADERS.get(name, {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    page = serve(Page)
    state["origin"] = f"http://localhost:{page.server_address[1]}"
    window = Gtk.OffscreenWindow()
    view = WebKit2.WebView()
    window.add(view)
    window.show_all()
    view.get_settings().set_enable_write_console_messages_to_stdout(True)
    view.load_uri(state["origin"] + "/")
    GLib.timeout_add(2500, Gtk.main_quit)
    Gtk.main()


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--scenario":
        run_scenario(sys.argv[2])
        return
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "tests/corpus")
    only = [a[7:] for a in sys.argv if a.startswith("--only=")]
    only = only[0].split(",") if only else []
    for name in [n for n in SCENARIOS if not only or n in only]:
        child = subprocess.run(
            ["xvfb-run", "-a", "/usr/bin/python3", os.path.abspath(__file__), "--scenario", name],
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = [l for l in (child.stdout + child.stderr).splitlines() if "CONSOLE" in l]
        with open(os.path.join(out, f"real-webkit-{name}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{name}: {len(lines)} console lines")


if __name__ == "__main__":
    main()
