"""What the built-in clients share: one request every INTERVAL_MS, and their answer line."""
import time


class Pacer:
    """Spaces requests INTERVAL apart from the start of one to the next, never in a burst."""

    def __init__(self, interval_s):
        self.interval = interval_s
        self.tick = time.monotonic()

    def wait(self):
        """Sleeps until the next request is due; after a late one (the service was away) from now on."""
        self.tick += self.interval
        now = time.monotonic()
        if self.tick > now:
            time.sleep(self.tick - now)
        else:
            self.tick = now


def answered(counter, started_ns, failed, connects, verdict):
    """COUNTER TIMESTAMP_NS LATENCY_US FAILED CONNECTS VERDICT, flushed: the line CriuBench reads."""
    latency = (time.perf_counter_ns() - started_ns) // 1000
    print(f"{counter} {time.time_ns()} {latency} {failed} {connects} {verdict}", flush=True)
