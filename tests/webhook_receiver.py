"""A webhook receiver for the webhook tests: every POST is verified with the Standard Webhooks
reference library (`standardwebhooks` from PyPI) against the secret of its path's endpoint, and
written as a JSON file into a folder, so the Rust tests read what arrived and whether it was
genuine.

    python3 tests/webhook_receiver.py PORT FOLDER

POST /hook/NAME      verified with the secret in FOLDER/secrets/NAME; 204 when genuine, else 400
POST /elsewhere/...  answers 307 to the same path on another host (localhost for 127.0.0.1)
"""

import json
import os
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook


class Handler(BaseHTTPRequestHandler):
    folder = "."

    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = self.rfile.read(length)
        if self.path.startswith("/elsewhere/"):
            port = self.server.server_address[1]
            self.send_response(307)
            self.send_header("Location", f"http://localhost:{port}/hook/redirected")
            self.end_headers()
            self.record({"path": self.path, "redirected": True})
            return
        name = self.path.rsplit("/", 1)[-1]
        headers = {k.lower(): v for k, v in self.headers.items()}
        record = {
            "path": self.path,
            "id": headers.get("webhook-id"),
            "timestamp": headers.get("webhook-timestamp"),
            "verified": False,
            "error": None,
            "payload": None,
        }
        try:
            with open(os.path.join(self.folder, "secrets", name), encoding="utf-8") as f:
                secret = f.read().strip()
            record["payload"] = Webhook(secret).verify(body.decode("utf-8"), headers)
            record["verified"] = True
        except Exception as e:  # noqa: BLE001 - every failure is recorded as it is
            record["error"] = f"{type(e).__name__}: {e}"
        self.record(record)
        self.send_response(204 if record["verified"] else 400)
        self.end_headers()

    def record(self, record):
        name = uuid.uuid4().hex
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as out:
            json.dump(record, out)
        # Renamed into place: a reader never sees half a file.
        os.rename(temporary, os.path.join(self.folder, name + ".json"))

    def log_message(self, *args):
        pass


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(folder, "secrets"), exist_ok=True)
    Handler.folder = folder
    ThreadingHTTPServer.allow_reuse_address = True
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
