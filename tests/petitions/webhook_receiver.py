"""A real HTTP receiver for webhooks in tests: http.server in a thread on 127.0.0.1."""

import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    url: str
    requests: list = field(default_factory=list)
    # The status code of each answer in turn; the last one answers whatever comes after.
    answers: list = field(default_factory=lambda: [200])


def start_receiver(tls_certificate=None):
    """(server, receiver): a server that records each POST and answers from `answers`; over
    TLS with `tls_certificate` (a trustme LeafCert), at https://localhost."""
    receiver = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.requests.append(Received(self.path, dict(self.headers), body))
            status = receiver.answers.pop(0) if len(receiver.answers) > 1 else receiver.answers[0]
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", "http://192.0.2.1/elsewhere")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/solidarity"
    if tls_certificate is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_certificate.configure_cert(context)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        receiver.url = f"https://localhost:{server.server_address[1]}/hooks/solidarity"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, receiver
