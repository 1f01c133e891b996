/*
 * ticker: a migration workload whose output shows gaps and downtime.
 *
 * Holds --mib MiB of filled memory, prints "<counter> <CLOCK_REALTIME ns>\n" every
 * --interval-us with one write(2) (so a checkpoint never splits a line), and dirties
 * --dirty-mib-per-s of that memory, spread across ticks.
 *
 * With memory it checks that memory after every migration: each page's bytes follow from its
 * index and its own generation (bumped each time the page is rewritten), so a page can be
 * recomputed and compared. A gap between ticks far longer than the interval (a checkpoint and
 * restore, wherever it ran) starts a sweep over every page in a second thread, so the ticks go
 * on meanwhile and the downtime they show is not the sweep's. Lines then read
 * "<counter> <ns> <verdict>": ok until a page differs, bad from then on (the suite's check).
 * Pages are rewritten under a per-page sequence count (odd while being written), and the
 * sweep skips a page whose count moved while it compared it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static int compressible;                     /* --data compressible */
static size_t page_size;
static uint64_t *sequence;                    /* per page: 2 x its generation, odd while written */
static size_t pages;
static unsigned char *mem;
static int sweep_requested;                   /* set by the ticks, taken by the checker */
static int memory_bad;                        /* sticky: a page differed */

static void usage(const char *err)
{
	FILE *to = err ? stderr : stdout;
	if (err)
		fprintf(stderr, "ticker: %s\n", err);
	fprintf(to, "usage: ticker [--mib N] [--data random|compressible] [--interval-us N]"
			" [--dirty-mib-per-s R]\n");
	exit(err ? 2 : 0);
}

/* Parses a whole non-negative number or fails with a usage error naming the option. */
static double number(const char *opt, const char *s, int integer)
{
	char *end;
	errno = 0;
	double v = integer ? (double)strtoull(s, &end, 10) : strtod(s, &end);
	if (errno || end == s || *end || v < 0 || s[0] == '-') {
		char msg[128];
		snprintf(msg, sizeof msg, "--%s: expected a %snon-negative number, got '%s'", opt,
			 integer ? "whole " : "", s);
		usage(msg);
	}
	return v;
}

/* The word stream of page `index` at `generation`: xorshift64 seeded from both (never 0). */
static uint64_t seed(size_t index, uint64_t generation)
{
	uint64_t x = (index + 1) * 0x9E3779B97F4A7C15ull ^ (generation + 1) * 0xC2B2AE3D27D4EB4Full;
	return x ? x : 1;
}

/* Writes (or, with `check`, compares) page `index`'s bytes at `generation`: PRNG words, or a
 * repeated text line zstd shrinks a lot. Returns 0 when a compared page differs. */
static int page_bytes(unsigned char *p, size_t index, uint64_t generation, int check)
{
	if (!compressible) {
		uint64_t *w = (uint64_t *)p, x = seed(index, generation);
		for (size_t i = 0; i < page_size / sizeof *w; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			if (!check)
				w[i] = x;
			else if (w[i] != x)
				return 0;
		}
		return 1;
	}
	char line[64];
	int n = snprintf(line, sizeof line, "page %010zu gen %012llu the quick brown fox\n", index,
			 (unsigned long long)generation);
	for (size_t off = 0; off < page_size; off += (size_t)n) {
		size_t len = off + (size_t)n <= page_size ? (size_t)n : page_size - off;
		if (!check)
			memcpy(p + off, line, len);
		else if (memcmp(p + off, line, len))
			return 0;
	}
	return 1;
}

/* Rewrites a page with fresh data: its next generation, under its sequence count. */
static void fill_page(unsigned char *p, size_t index)
{
	uint64_t s = __atomic_load_n(&sequence[index], __ATOMIC_RELAXED);
	__atomic_store_n(&sequence[index], s + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	page_bytes(p, index, s / 2 + 1, 0);
	__atomic_store_n(&sequence[index], s + 2, __ATOMIC_RELEASE);
}

/* The checker thread: on each request, compares every page with what its generation says. */
static void *checker(void *unused)
{
	(void)unused;
	for (;;) {
		if (!__atomic_exchange_n(&sweep_requested, 0, __ATOMIC_ACQ_REL)) {
			struct timespec d = { 0, 1000000 };
			nanosleep(&d, NULL);
			continue;
		}
		for (size_t i = 0; i < pages; i++) {
			uint64_t before = __atomic_load_n(&sequence[i], __ATOMIC_ACQUIRE);
			if (before & 1)
				continue; /* being rewritten now */
			int same = page_bytes(mem + i * page_size, i, before / 2, 1);
			__atomic_thread_fence(__ATOMIC_ACQUIRE);
			if (!same && __atomic_load_n(&sequence[i], __ATOMIC_RELAXED) == before) {
				fprintf(stderr, "ticker: page %zu (generation %llu) differs from what was written\n", i,
					(unsigned long long)(before / 2));
				__atomic_store_n(&memory_bad, 1, __ATOMIC_RELEASE);
			}
		}
	}
	return NULL;
}

static int64_t now_ns(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void on_term(int sig)
{
	(void)sig;
	_exit(0);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mib", required_argument, 0, 'm' },		{ "data", required_argument, 0, 'd' },
		{ "interval-us", required_argument, 0, 'i' },	{ "dirty-mib-per-s", required_argument, 0, 'r' },
		{ "help", no_argument, 0, 'h' },		{ 0, 0, 0, 0 },
	};
	size_t mib = 0;
	int64_t interval_ns = 1000000;
	double dirty_mib_per_s = 0;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'm': mib = (size_t)number("mib", optarg, 1); break;
		case 'i': interval_ns = (int64_t)number("interval-us", optarg, 1) * 1000; break;
		case 'r': dirty_mib_per_s = number("dirty-mib-per-s", optarg, 0); break;
		case 'd':
			if (strcmp(optarg, "random") && strcmp(optarg, "compressible"))
				usage("--data: expected random or compressible");
			compressible = !strcmp(optarg, "compressible");
			break;
		case 'h': usage(NULL); break;
		default: usage("unknown option");
		}
	}
	if (optind < argc)
		usage("unexpected argument");
	if (interval_ns <= 0)
		usage("--interval-us: must be at least 1");
	if (dirty_mib_per_s > 0 && mib == 0)
		usage("--dirty-mib-per-s needs --mib > 0 (there is no memory to dirty)");

	signal(SIGTERM, on_term);
	page_size = (size_t)sysconf(_SC_PAGESIZE);
	pages = mib * (1024 * 1024 / page_size);
	if (pages) {
		sequence = calloc(pages, sizeof *sequence);
		if (!sequence) {
			perror("ticker: calloc");
			return 1;
		}
		mem = mmap(NULL, pages * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mem == MAP_FAILED) {
			perror("ticker: mmap");
			return 1;
		}
		for (size_t i = 0; i < pages; i++)
			fill_page(mem + i * page_size, i);
		pthread_t thread;
		if ((errno = pthread_create(&thread, NULL, checker, NULL))) {
			perror("ticker: pthread_create");
			return 1;
		}
	}

	/* Pages to dirty per tick; the fraction carries over so low rates still happen. */
	double pages_per_tick = dirty_mib_per_s * (1024.0 * 1024 / page_size) * (double)interval_ns / 1e9;
	double owed = 0;
	size_t cursor = 0;
	unsigned long long counter = 0;
	int64_t next = now_ns(CLOCK_MONOTONIC);
	/* A gap this long between ticks is a migration (or a machine that stalled as long): check. */
	int64_t suspicious = interval_ns * 10 > 20000000 ? interval_ns * 10 : 20000000;
	int64_t last_tick = now_ns(CLOCK_REALTIME);
	for (;;) {
		char line[48];
		int64_t tick = now_ns(CLOCK_REALTIME);
		if (pages && (tick - last_tick > suspicious || last_tick - tick > suspicious))
			__atomic_store_n(&sweep_requested, 1, __ATOMIC_RELEASE);
		last_tick = tick;
		int n = pages ? snprintf(line, sizeof line, "%llu %lld %s\n", counter++, (long long)tick,
					 __atomic_load_n(&memory_bad, __ATOMIC_ACQUIRE) ? "bad" : "ok")
			      : snprintf(line, sizeof line, "%llu %lld\n", counter++, (long long)tick);
		if (write(STDOUT_FILENO, line, (size_t)n) != n) {
			perror("ticker: write");
			return 1;
		}
		for (owed += pages_per_tick; owed >= 1; owed--, cursor = (cursor + 1) % pages)
			fill_page(mem + cursor * page_size, cursor);

		/* Absolute deadlines keep the rate drift-free; a deadline more than one interval
		 * away on either side (a restore, a stall, another machine's clock) resyncs to now
		 * rather than printing a burst or sleeping for the clock difference. */
		next += interval_ns;
		int64_t now = now_ns(CLOCK_MONOTONIC);
		if (now - next > interval_ns || next - now > interval_ns)
			next = now;
		/* Sleep relative to that absolute deadline, not TIMER_ABSTIME: CRIU restarts an
		 * interrupted TIMER_ABSTIME sleep with the old deadline, which on a host whose
		 * monotonic clock is behind would sleep for the difference; a relative sleep comes
		 * back with EINTR after a restore and the loop re-checks the clock. */
		while ((now = now_ns(CLOCK_MONOTONIC)) < next) {
			struct timespec d = { (next - now) / 1000000000, (next - now) % 1000000000 };
			if (clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL) == EINTR)
				break;
		}
	}
}
