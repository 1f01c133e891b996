#!/usr/bin/python3
"""Fills redis at ADDRESS:PORT with MIB MiB of data, or reads it all back and compares it with
what was written. Values are 64 KiB each under criubench:data:N, the bytes of value N drawn from
a generator seeded with N, so `verify` recomputes what `fill` wrote without keeping a copy.

    redis_dataset.py fill|verify ADDRESS PORT MIB
Exit codes: 0 written / read back intact, 1 a value differs or is missing, 2 usage.
"""
import random
import sys

from resp import connect_retrying

VALUE_BYTES = 64 * 1024
BATCH = 16


def value(index):
    return random.Random(index).randbytes(VALUE_BYTES)


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("fill", "verify"):
        print(__doc__, file=sys.stderr)
        return 2
    action, address, port, mib = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    keys = max(1, int(mib * 1024 * 1024 // VALUE_BYTES))
    connection = connect_retrying(address, port, 120, 10)
    for start in range(0, keys, BATCH):
        batch = range(start, min(keys, start + BATCH))
        if action == "fill":
            connection.send(*[("SET", f"criubench:data:{i}", value(i)) for i in batch])
        else:
            connection.send(*[("GET", f"criubench:data:{i}") for i in batch])
        for i in batch:
            reply = connection.reply()
            if action == "verify" and reply != value(i):
                what = "missing" if reply is None else f"{len(reply)} bytes that differ from the {VALUE_BYTES} written"
                print(f"criubench:data:{i} is {what} ({keys} keys, {mib:g} MiB written)")
                return 1
    done = "written" if action == "fill" else "read back intact"
    print(f"{keys} keys of {VALUE_BYTES // 1024} KiB ({keys * VALUE_BYTES / 1048576:g} MiB) {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
