#!/usr/bin/python3 -u
"""A client of your own for a memcached service (workloads/suites/user-service.yaml): holds one
connection to memcached at ADDRESS:PORT and sends `incr` on one key every millisecond. Per
answered request it prints

    COUNTER TIMESTAMP_NS LATENCY_US FAILED CONNECTS ok

COUNTER is memcached's own reply (a lost or doubled request breaks it), TIMESTAMP_NS when the
reply came, LATENCY_US how long it took, FAILED the failed requests so far and CONNECTS the
connections opened so far. After a failure it reconnects, and reads the key before sending the
request again (incr is not idempotent).

    kvclient.py ADDRESS PORT
"""
import socket
import sys
import time

KEY = b"criubench"


class Memcached:
    def __init__(self, address, port):
        deadline = time.monotonic() + 600
        while True:
            try:
                self.sock = socket.create_connection((address, port), timeout=120)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.001)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def line(self, request):
        self.sock.sendall(request)
        reply = self.reader.readline()
        if not reply.endswith(b"\r\n"):
            raise ConnectionResetError("the connection closed")
        return reply[:-2]

    def get(self):
        reply = self.line(b"get " + KEY + b"\r\n")
        if reply == b"END":
            return 0
        value = int(self.reader.readline())
        self.reader.readline()  # END
        return value

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def main():
    address, port = sys.argv[1], int(sys.argv[2])
    kv = Memcached(address, port)
    kv.line(b"add " + KEY + b" 0 0 1\r\n0\r\n")
    connects, failed, last = 1, 0, kv.get()
    tick = time.monotonic()
    while True:
        started = time.perf_counter_ns()
        counted, check = False, False
        while True:
            try:
                if check:
                    value = kv.get()
                    if value == last + 1:
                        break
                    check = False
                value = int(kv.line(b"incr " + KEY + b" 1\r\n"))
                break
            except (OSError, ValueError):
                if not counted:
                    failed, counted = failed + 1, True
                kv.close()
                kv = Memcached(address, port)
                connects += 1
                check = True
        print(f"{value} {time.time_ns()} {(time.perf_counter_ns() - started) // 1000} {failed} {connects} ok", flush=True)
        last = value
        tick += 0.001
        now = time.monotonic()
        if tick > now:
            time.sleep(tick - now)
        else:
            tick = now


if __name__ == "__main__":
    main()
