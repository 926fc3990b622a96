"""The control for the /health measurement of scripts/bench-http.sh.

A minimal HTTP/1.1 server that answers every request with the same bytes as Humas's /health:
no framework, no routing, one thread per connection, TCP_NODELAY. Probed on the same cores as
the API, idle and under the same load, it shows how much of /health's latency under load comes
from the machine (cores shared with PostgreSQL and the load generator) rather than the server.

usage: control-server.py PORT
"""
import socket
import sys
import threading

ANSWER = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 15\r\n\r\n"
          b'{"status":"ok"}')


def serve(connection):
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    pending = b""
    while True:
        data = connection.recv(65536)
        if not data:
            return
        pending += data
        while b"\r\n\r\n" in pending:
            _, pending = pending.split(b"\r\n\r\n", 1)
            connection.sendall(ANSWER)


listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", int(sys.argv[1])))
listener.listen(16)
while True:
    accepted, _ = listener.accept()
    threading.Thread(target=serve, args=(accepted,), daemon=True).start()
