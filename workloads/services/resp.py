"""The little of Redis's protocol (RESP2) the built-in redis client and dataset tool need:
commands as arrays of bulk strings, and integer, bulk, status and error replies."""
import socket
import time


class ReplyError(Exception):
    """Redis answered with an error, or with something a client of this kind never asks for."""


class Connection:
    def __init__(self, address, port, timeout):
        self.sock = socket.create_connection((address, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb")

    def close(self):
        try:
            self.reader.close()
            self.sock.close()
        except OSError:
            pass

    def send(self, *commands):
        """Sends one or more commands (tuples of bytes/str) in one write: a pipeline."""
        out = bytearray()
        for command in commands:
            out += b"*%d\r\n" % len(command)
            for part in command:
                data = part if isinstance(part, bytes) else str(part).encode()
                out += b"$%d\r\n%s\r\n" % (len(data), data)
        self.sock.sendall(out)

    def reply(self):
        line = self.reader.readline()
        if not line.endswith(b"\r\n"):
            raise ConnectionResetError("the connection closed in the middle of a reply")
        kind, rest = line[:1], line[1:-2]
        if kind == b":":
            return int(rest)
        if kind == b"+":
            return rest
        if kind == b"$":
            length = int(rest)
            if length < 0:
                return None
            data = self.reader.read(length + 2)
            if len(data) != length + 2:
                raise ConnectionResetError("the connection closed in the middle of a reply")
            return data[:-2]
        if kind == b"-":
            raise ReplyError(rest.decode(errors="replace"))
        raise ReplyError(f"unexpected reply {line[:40]!r}")

    def call(self, *command):
        self.send(command)
        return self.reply()


def connect_retrying(address, port, timeout, limit):
    """Connects, retrying every millisecond for up to `limit` seconds (a service that is starting
    or being restored refuses or drops connections until it listens again)."""
    deadline = time.monotonic() + limit
    while True:
        try:
            return Connection(address, port, timeout)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.001)
