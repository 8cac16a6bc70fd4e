"""An OpenAI-compatible provider for the suite benchmark: GET /v1/models lists N models in the real
list format. Keep-alive, and TCP_NODELAY on every accepted socket so answers leave at once."""
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 60
MODELS = json.dumps({"object": "list", "data": [
    {"id": f"model-{i}", "object": "model", "created": 1700000000, "owned_by": "system"}
    for i in range(1, COUNT + 1)]}).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):
        if self.path.rstrip("/").endswith("/models"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(MODELS)))
            self.end_headers()
            self.wfile.write(MODELS)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
