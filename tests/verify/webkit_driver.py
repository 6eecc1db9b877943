#!/usr/bin/python3
"""Drives WebKit (Safari's engine) for the verification matrix, one page at a time.

WebKitGTK (Debian's gir1.2-webkit2-4.1 through python3-gi) runs under Xvfb (`xvfb-run -a`). The
driver reads one JSON command per line on stdin:

    {"url": "http://127.0.0.1:PORT/", "body": "<async function body>", "args": {...}}

loads the URL in a fresh view, runs the body as an async function with `args` as its
parameters (WebKit's own call_async_javascript_function, so a returned promise is awaited),
waits for the console to settle, and answers on stdout with one line
`@@RESULT {"value": ..., "error": ...}`. The engine's console (its
`enable-write-console-messages-to-stdout` setting) reaches the same stdout as lines holding
`CONSOLE`; the caller keeps those that arrive between its command and the answer. Every page
is bounded in time (load and script: 20 s each). Stdin closed: the driver exits.

Names under `.localhost` (the matrix's pattern origin, http://app.localhost:PORT): Chromium and
Firefox resolve them to loopback themselves; WebKitGTK asks the system resolver, which has no
answer here. So the driver runs a small HTTP proxy on 127.0.0.1 that WebKit uses for those names
only (every other host is in the proxy's ignore list) and that sends each request, headers and
body as they came, to 127.0.0.1 on the same port.
"""
import http.client
import http.server
import json
import sys
import threading
import urllib.parse

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

SETTLE_MS = 400
LIMIT_MS = 20_000


def answer(value=None, error=None):
    sys.stdout.write("@@RESULT " + json.dumps({"value": value, "error": error}) + "\n")
    sys.stdout.flush()


def run(command):
    """Runs one command to its end (a nested main loop), then answers."""
    loop = GLib.MainLoop()
    window = Gtk.OffscreenWindow()
    view = WebKit2.WebView()
    view.get_settings().set_enable_write_console_messages_to_stdout(True)
    window.add(view)
    window.show_all()
    state = {"value": None, "error": None, "done": False}

    def finish(error=None):
        if state["done"]:
            return
        state["done"] = True
        state["error"] = state["error"] or error
        # Console messages of the failed requests follow the script's end.
        GLib.timeout_add(SETTLE_MS, lambda: (loop.quit(), False)[1])

    def on_result(source, result):
        try:
            value = view.call_async_javascript_function_finish(result)
            text = value.to_json(0) if value is not None else None
            state["value"] = json.loads(text) if text not in (None, "undefined") else None
        except GLib.Error as e:
            state["error"] = e.message
        finish()

    def on_load(_view, event):
        if event == WebKit2.LoadEvent.FINISHED:
            args = GLib.Variant("a{sv}", {k: GLib.Variant("s", json.dumps(v)) for k, v in command.get("args", {}).items()})
            # Arguments arrive as JSON text: parse them inside the page.
            parse = "".join(f"{k} = JSON.parse({k});" for k in command.get("args", {}))
            body = parse + command["body"]
            view.call_async_javascript_function(body, -1, args, None, None, None, on_result)

    def on_failed(_view, _event, _uri, error):
        finish(f"load failed: {error.message}")
        return True

    view.connect("load-changed", on_load)
    view.connect("load-failed", on_failed)
    def on_timeout():
        state["timer"] = None
        finish("timed out")
        return False

    state["timer"] = GLib.timeout_add(2 * LIMIT_MS, on_timeout)
    view.load_uri(command["url"])
    loop.run()
    if state["timer"] is not None:
        GLib.source_remove(state["timer"])
    window.destroy()
    answer(state["value"], state["error"])


class LocalhostProxy(http.server.BaseHTTPRequestHandler):
    """Forwards absolute-form requests for *.localhost to 127.0.0.1 (same port, same path)."""

    protocol_version = "HTTP/1.1"

    def forward(self):
        url = urllib.parse.urlsplit(self.path)
        if url.scheme != "http" or not (url.hostname or "").endswith(".localhost"):
            self.send_error(403, "only http://*.localhost goes through this proxy")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        upstream = http.client.HTTPConnection("127.0.0.1", url.port or 80, timeout=20)
        path = url.path + ("?" + url.query if url.query else "")
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")]
        upstream.putrequest(self.command, path or "/", skip_host=True, skip_accept_encoding=True)
        for k, v in headers:
            upstream.putheader(k, v)
        upstream.endheaders(body)
        answer = upstream.getresponse()
        data = answer.read()
        self.send_response_only(answer.status, answer.reason)
        for k, v in answer.getheaders():
            if k.lower() not in ("connection", "transfer-encoding", "content-length", "keep-alive"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        upstream.close()

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = forward

    def log_message(self, *args):
        pass


def use_localhost_proxy():
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LocalhostProxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    settings = WebKit2.NetworkProxySettings.new(f"http://127.0.0.1:{proxy.server_address[1]}", ["localhost", "127.0.0.1", "::1"])
    manager = WebKit2.WebContext.get_default().get_website_data_manager()
    manager.set_network_proxy_settings(WebKit2.NetworkProxyMode.CUSTOM, settings)


def main():
    use_localhost_proxy()
    sys.stdout.write("@@READY " + json.dumps({"version": "%d.%d.%d" % (WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())}) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            command = json.loads(line)
        except ValueError as e:
            answer(error=f"bad command: {e}")
            continue
        run(command)


if __name__ == "__main__":
    main()
