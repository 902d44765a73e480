"""Send a burst of concurrent requests and classify every one, to prove a stop drops no request.

Each request uses a fresh connection (`Connection: close`), so a keep-alive race is never mistaken for a drop.
A request counts as:
  ok       - a 2xx response read to the end;
  refused  - the connection was refused: nobody was listening any more, the request was never accepted
             (expected once a stop has closed the listener, and only then);
  dropped  - anything else: a reset, a timeout or a cut-off body after the connection was accepted, or a
             status that is not 2xx. A graceful stop must produce none.
The burst ends after --duration seconds, or --refused-grace seconds after the first refusal.
Prints one JSON object: counts, first refusal time (epoch seconds) and up to 10 examples of drops.

Usage: burst.py URL [--post-json BODY] [--header 'Name: value']... [--concurrency N] [--duration S] [--insecure]
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import ssl
import sys
import threading
import time
from urllib.parse import urlsplit


class Burst:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.url = urlsplit(args.url)
        self.lock = threading.Lock()
        self.counts = {"ok": 0, "refused": 0, "dropped": 0}
        self.drops: list[str] = []
        self.first_refusal: float | None = None
        self.statuses: dict[str, int] = {}
        self.deadline = time.time() + args.duration
        context = ssl.create_default_context()
        if args.insecure:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        self.context = context

    def done(self) -> bool:
        now = time.time()
        if now >= self.deadline:
            return True
        return self.first_refusal is not None and now - self.first_refusal >= self.args.refused_grace

    def record(self, outcome: str, detail: str = "") -> None:
        with self.lock:
            self.counts[outcome] += 1
            if outcome == "refused" and self.first_refusal is None:
                self.first_refusal = time.time()
            if outcome == "dropped" and len(self.drops) < 10:
                self.drops.append(f"{time.time():.3f} {detail}")

    def connection(self) -> http.client.HTTPConnection:
        host, port = self.url.hostname or "127.0.0.1", self.url.port
        if self.url.scheme == "https":
            return http.client.HTTPSConnection(host, port or 443, timeout=self.args.timeout, context=self.context)
        return http.client.HTTPConnection(host, port or 80, timeout=self.args.timeout)

    def one(self) -> None:
        path = self.url.path or "/"
        if self.url.query:
            path += "?" + self.url.query
        headers = {"Connection": "close", **dict(h.split(": ", 1) for h in self.args.header)}
        method, body = "GET", None
        if self.args.post_json is not None:
            method, body = "POST", self.args.post_json.encode()
            headers["Content-Type"] = "application/json"
        conn = self.connection()
        try:
            conn.connect()
        except ConnectionRefusedError:
            self.record("refused")
            time.sleep(0.05)
            return
        except OSError as exc:
            self.record("dropped", f"connect: {exc!r}")
            return
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.record("dropped", f"{method} {path}: {exc!r}")
            return
        finally:
            conn.close()
        with self.lock:
            self.statuses[str(response.status)] = self.statuses.get(str(response.status), 0) + 1
        if 200 <= response.status < 300:
            self.record("ok")
        else:
            self.record("dropped", f"{method} {path}: HTTP {response.status}")

    def worker(self) -> None:
        while not self.done():
            self.one()

    def run(self) -> dict[str, object]:
        threads = [threading.Thread(target=self.worker) for _ in range(self.args.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return {**self.counts, "statuses": self.statuses, "first_refusal": self.first_refusal, "drops": self.drops}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--post-json")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--refused-grace", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--insecure", action="store_true", help="accept a self-signed certificate")
    args = parser.parse_args(argv)
    socket.setdefaulttimeout(args.timeout)
    print(json.dumps(Burst(args).run()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
