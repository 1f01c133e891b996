using System.Globalization;
using CriuBench.Execution;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// tc commands that shape one direction of the lab link with a token bucket (tbf).
/// netem and fq_codel are not in this kernel; tbf is, and it holds its rate (1gbit measured 961 Mbit/s).
/// </summary>
public static class TrafficShaping
{
    /// <summary>The bucket holds 4 ms of traffic, at least 32 KiB so full-size GSO packets pass.</summary>
    public static long BurstBytes(LinkRate rate) =>
        Math.Max(32 * 1024, (long)(rate.BytesPerSecond!.Value * 0.004));

    /// <summary>Replaces the root qdisc of <paramref name="device"/>; unlimited removes shaping.</summary>
    public static Command Shape(string device, LinkRate rate)
    {
        if (rate.IsUnlimited)
            return Command.Of("tc", "qdisc", "replace", "dev", device, "root", "pfifo_fast");
        return Command.Of("tc", "qdisc", "replace", "dev", device, "root", "tbf",
            "rate", rate.BitsPerSecond!.Value.ToString(CultureInfo.InvariantCulture) + "bit",
            "burst", BurstBytes(rate).ToString(CultureInfo.InvariantCulture),
            "latency", "100ms");
    }
}
