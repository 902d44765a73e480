"""Gunicorn settings for the image and for the native stack tests; start.sh passes this file with `-c`.

Every value comes from the environment so the same file runs in the container and on a developer machine.
Nginx in front of gunicorn renders its proxy timeouts from GUNICORN_TIMEOUT too, so the two never disagree.
"""

from __future__ import annotations

import json
import os
import socket
import time
from typing import Any

from gunicorn import util
from gunicorn.glogging import Logger

bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
wsgi_app = "server.wsgi:application"

# Two workers per core is gunicorn's own advice; WEB_CONCURRENCY wins because a container's CPU quota is not
# what os.cpu_count() sees.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Nginx waits GUNICORN_TIMEOUT + 5 s, so a stuck worker is killed (and logged) here before Nginx gives up.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM workers finish the requests they hold for at most this long before they are killed.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak cannot grow forever; jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# The heartbeat file must live on a RAM disk: on an overlay or a read-only root, fsync stalls freeze workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Only Nginx on this host talks to gunicorn, so only its forwarded headers are trusted.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips
# The one scheme header Nginx sets itself. Gunicorn's default also trusts X-Forwarded-Ssl and X-Forwarded-Protocol,
# which Nginx passes on from the client untouched: a client sending `X-Forwarded-Ssl: off` got a 400 for
# "contradictory scheme headers".
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# gunicorn 24+ opens a control socket under $HOME by default; nothing here uses it, and the image's root
# filesystem is read-only.
control_socket_disable = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


class JsonAccessLogger(Logger):
    """Writes one JSON object per request, so the log shipper indexes fields instead of parsing a line.

    gunicorn's access_log_format cannot escape quotes in a URL or user agent; json.dumps can.
    """

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not (self.cfg.accesslog or self.cfg.logconfig or self.cfg.logconfig_dict or self.cfg.syslog):
            return
        headers = {name.lower(): value for name, value in req.headers}
        record = {
            "@timestamp": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "log.logger": "gunicorn.access",
            "http.request.method": req.method,
            "url.path": req.path,
            "url.query": req.query or None,
            "http.response.status_code": _status_code(resp),
            "http.response.body.bytes": getattr(resp, "sent", None),
            "event.duration": int(request_time.total_seconds() * 1e9),
            "http.request.id": headers.get("x-request-id"),
            "client.ip": environ.get("REMOTE_ADDR"),
            "user_agent.original": headers.get("user-agent"),
            "process.pid": os.getpid(),
        }
        self.access_log.info(json.dumps(record, separators=(",", ":")))


logger_class = JsonAccessLogger


def _status_code(resp: Any) -> int | None:
    """A response's status as a number. Gunicorn's own refusals (Worker.handle_error) set only the status line,
    never `status_code`; reading that attribute there raised and killed the worker, so one request with, say, two
    Content-Type headers cost a worker restart."""
    code = getattr(resp, "status_code", None)
    if code is None and resp.status:
        code = int(str(resp.status).split()[0])
    return code


def write_json_error(sock: socket.socket, status_int: int, reason: str, mesg: str) -> None:
    """Gunicorn's own refusals (a request line over limit_request_line, a control character in a header value, a
    raw non-ASCII byte in the path...) in the API's error shape instead of an HTML page.

    Nginx cannot be made stricter than gunicorn on every count (gunicorn 27 refuses header values and paths that
    Nginx forwards), and Nginx cannot intercept only gunicorn's errors without also swallowing Django's JSON
    ones of the same status, so the answer is made right where it is written. Same signature as
    gunicorn.util.write_error, whose only caller (Worker.handle_error) looks it up on the module at each call.
    """
    message = f"{reason.lower()}: {mesg}" if mesg else reason.lower()
    body = json.dumps({"message": message, "details": None}).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


util.write_error = write_json_error


def child_exit(server: Any, worker: Any) -> None:
    """Drop a dead worker's metric files, or /metrics keeps reporting its gauges forever."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


# A worker whose memory has grown past this after a request (an analysis near every limit of the engine's budget
# can take a few hundred MB, which Python then keeps) finishes that request and is replaced by a fresh one.
worker_max_rss_mb = int(os.environ.get("GUNICORN_WORKER_MAX_RSS_MB", "300"))


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    if worker_max_rss_mb <= 0:
        return
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            rss_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration, ValueError):
        return
    if rss_kb > worker_max_rss_mb * 1024:
        worker.log.warning("worker %s uses %d MB after a request; replacing it", os.getpid(), rss_kb // 1024)
        worker.alive = False
