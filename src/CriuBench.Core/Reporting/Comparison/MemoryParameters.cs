using System.Globalization;
using CriuBench.Measurements;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// What the memory sweep and the crossover read from a workload's parameters column: <c>mib</c>
/// (the MiB it holds), <c>dirty_mib_per_s</c> (MiB/s dirtied while it runs; 0 when absent) and
/// <c>data</c> (the kind of data; random when absent). Any workload with a whole number of
/// MiB is swept, the built-in memory allocator and a user workload that declares mib alike.
/// </summary>
internal sealed record MemoryParameters(int MiB, int DirtyRate, string? Data = null)
{
    /// <summary>What tells series of the same strategy apart: "d50", "compressible", "d50 compressible" or "".</summary>
    public string Variant => string.Join(' ', new[] { DirtyRate > 0 ? "d" + DirtyRate.ToString(CultureInfo.InvariantCulture) : null, Data }.OfType<string>());

    /// <summary>The memory parameters in a parameters column's text; null without a whole, positive mib (or with a dirty rate that is not a whole number).</summary>
    public static MemoryParameters? Of(string parameters)
    {
        if (WorkloadParameters.Get(parameters, "mib") is not { } mibText || Whole(mibText) is not (> 0 and var mib)) return null;
        var dirty = WorkloadParameters.Get(parameters, "dirty_mib_per_s") is { } dirtyText ? Whole(dirtyText) : 0;
        if (dirty is null) return null;
        var data = WorkloadParameters.Get(parameters, "data");
        return new MemoryParameters(mib, dirty.Value, data is null or "random" ? null : data);
    }

    private static int? Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
