using CriuBench.Transfer;

namespace CriuBench.Migration;

/// <summary>
/// Runs, once per process and before the first checkpoint, the parsers a stop window calls on its
/// commands' output (tar's and dd's byte counts, rsync's, the host's step times). Their first use
/// loads types and initialises regex and number-parsing statics: measured 10-12 ms inside the
/// first tar migration of every run (the precompiled CLI, netns lab), 0.2 ms in the second.
/// </summary>
public static class StopWindowWarmUp
{
    private static int done;

    public static void Run()
    {
        if (Interlocked.Exchange(ref done, 1) == 1) return;
        _ = TarStream.TarTotalBytes("Total bytes written: 10240 (10KiB, 1.0MiB/s)\n");
        _ = TarStream.DdCopiedBytes("10240 bytes (10 kB, 10 KiB) copied, 0.01 s, 1.0 MB/s\n");
        _ = RsyncTransfer.BytesSent("Total bytes sent: 10,240\n");
        _ = HostTimes.Split("1764430000.100000 1764430000.108500 1764430000.137000\n");
    }
}
