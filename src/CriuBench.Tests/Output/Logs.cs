using System.Text;

namespace CriuBench.Tests.Output;

/// <summary>Builds workload output in memory, the way ticker and counter.sh write it.</summary>
internal static class Logs
{
    public static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Counter lines <c>from..to</c> inclusive.</summary>
    public static string Counter(long from, long to) =>
        string.Concat(Enumerable.Range(0, (int)(to - from + 1)).Select(i => $"{from + i}\n"));

    /// <summary>Counter-timestamp lines <c>from..to</c>, one millisecond apart, starting at <paramref name="startNs"/>.</summary>
    public static string Ticks(long from, long to, long startNs = 1_795_000_000_000_000_000, long stepNs = 1_000_000) =>
        string.Concat(Enumerable.Range(0, (int)(to - from + 1)).Select(i => $"{from + i} {startNs + i * stepNs}\n"));
}
