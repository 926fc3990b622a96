"""Paced /health probe for scripts/bench-http.sh.

One keep-alive connection, one request every 1/rate seconds for the given time, so the probe
measures latency without adding load of its own (a closed-loop tool such as `wrk -c1` sends
thousands of requests a second and would itself saturate a core). Prints JSON: count, p50, p99
and max in milliseconds.

usage: health-probe.py HOST PORT SECONDS RATE
"""
import http.client
import json
import sys
import time

host, port, seconds, rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
connection = http.client.HTTPConnection(host, port, timeout=5)
latencies = []
start = time.perf_counter()
due = start
while time.perf_counter() - start < seconds:
    now = time.perf_counter()
    if now < due:
        time.sleep(due - now)
    due += 1 / rate
    sent = time.perf_counter()
    connection.request("GET", "/health")
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"/health answered {response.status}")
    latencies.append((time.perf_counter() - sent) * 1000)
latencies.sort()


def percentile(p):
    return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2)


print(json.dumps({"count": len(latencies), "p50": percentile(0.50), "p99": percentile(0.99), "max": round(latencies[-1], 2)}))
