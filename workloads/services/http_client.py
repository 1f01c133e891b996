#!/usr/bin/python3
"""The built-in http workload's client: holds CONNECTIONS keep-alive connections to the web
server at ADDRESS:PORT and GETs /payload every INTERVAL_MS milliseconds, round robin over them,
checking each body against what http-service.sh wrote. Per answered request it prints

    COUNTER TIMESTAMP_NS LATENCY_US FAILED CONNECTS VERDICT

COUNTER counts answered requests, TIMESTAMP_NS is when the answer came (unix ns), LATENCY_US how
long it took, FAILED the requests that failed so far (reset, closed, timed out, or not 200),
CONNECTS the connections opened so far (the first ones included, and any http.client opened
again by itself), VERDICT ok when the body is the payload, bad otherwise. A failed request is
retried on a new connection (GET changes nothing).

    http_client.py ADDRESS PORT [CONNECTIONS [INTERVAL_MS]]
"""
import http.client
import sys
import time

from pacing import Pacer, answered

TIMEOUT_S = 120
START_LIMIT_S = 10
LINES = 400


def payload():
    # What http-service.sh writes with `seq -f 'criubench %g' 1 400`.
    return "".join(f"criubench {i}\n" for i in range(1, LINES + 1)).encode()


def connect(address, port, limit):
    deadline = time.monotonic() + limit
    while True:
        connection = http.client.HTTPConnection(address, port, timeout=TIMEOUT_S)
        try:
            connection.connect()
            return connection
        except OSError:
            connection.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.001)


def main():
    address, port = sys.argv[1], int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    interval = (float(sys.argv[4]) if len(sys.argv) > 4 else 1.0) / 1000
    expected = payload()
    connections = [connect(address, port, START_LIMIT_S) for _ in range(count)]
    connects, failed, replies = count, 0, 0
    turn = 0
    pacer = Pacer(interval)
    while True:
        slot = turn % count
        started = time.perf_counter_ns()
        counted = False
        while True:
            connection = connections[slot]
            sock = connection.sock
            try:
                connection.request("GET", "/payload")
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    raise http.client.HTTPException(f"status {response.status}")
                if connection.sock is not sock:
                    connects += 1  # http.client opened a new connection itself
                break
            except (OSError, http.client.HTTPException):
                if not counted:
                    failed, counted = failed + 1, True
                connection.close()
                connections[slot] = connect(address, port, 600)
                connects += 1
        replies += 1
        answered(replies, started, failed, connects, "ok" if body == expected else "bad")
        turn += 1
        pacer.wait()


if __name__ == "__main__":
    main()
