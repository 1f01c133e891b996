#!/usr/bin/python3
"""The built-in redis workload's client: holds CONNECTIONS connections to redis at ADDRESS:PORT
and sends INCR on one key every INTERVAL_MS milliseconds, round robin over them, one request at
a time. Per answered request it prints

    COUNTER TIMESTAMP_NS LATENCY_US FAILED CONNECTS ok

COUNTER is redis's own reply, so a request the service lost or applied twice breaks the counter
that CriuBench's gap analysis reads; TIMESTAMP_NS is when the reply came (unix ns), LATENCY_US
how long it took, FAILED the requests that failed so far (reset, closed, timed out or answered
with an error) and CONNECTS the connections opened so far, the first ones included.

A failed request is retried on a new connection; since INCR is not idempotent, the client first
reads the key (GET): if the failed INCR was applied before the connection broke, its value is
the answer, and the request is not sent twice.

    redis_client.py ADDRESS PORT [CONNECTIONS [INTERVAL_MS]]
"""
import sys
import time

from pacing import Pacer, answered
from resp import ReplyError, connect_retrying

KEY = "criubench:counter"
TIMEOUT_S = 120  # longer than any stop window: a request waits for the restored service
START_LIMIT_S = 10
RECONNECT_LIMIT_S = 600


def main():
    address, port = sys.argv[1], int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    interval = (float(sys.argv[4]) if len(sys.argv) > 4 else 1.0) / 1000
    connections = [connect_retrying(address, port, TIMEOUT_S, START_LIMIT_S) for _ in range(count)]
    connects, failed = count, 0
    last = int(connections[0].call("GET", KEY) or 0)
    turn = 0
    pacer = Pacer(interval)
    while True:
        slot = turn % count
        started = time.perf_counter_ns()
        counted, check = False, False
        while True:
            try:
                if check:
                    value = int(connections[slot].call("GET", KEY) or 0)
                    if value == last + 1:
                        break  # the failed INCR had been applied
                    check = False
                value = connections[slot].call("INCR", KEY)
                break
            except (OSError, ReplyError, ValueError):
                if not counted:
                    failed, counted = failed + 1, True
                connections[slot].close()
                connections[slot] = connect_retrying(address, port, TIMEOUT_S, RECONNECT_LIMIT_S)
                connects += 1
                check = True
        answered(value, started, failed, connects, "ok")
        last = value
        turn += 1
        pacer.wait()


if __name__ == "__main__":
    main()
