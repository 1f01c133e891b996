using System.Globalization;
using System.Text.RegularExpressions;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// The memory allocator workload's parameters as its name carries them:
/// <c>memory-&lt;N&gt;m[-d&lt;R&gt;][-&lt;data&gt;]</c>: N MiB, R MiB/s dirtied while it runs, and the
/// kind of data when not random (e.g. <c>memory-256m-d50</c>, <c>memory-64m-zero</c>).
/// migrations.csv has no parameters column yet (issue 3); until it has, the memory sweep reads
/// them from the name.
/// </summary>
internal sealed partial record MemoryWorkloadName(int MiB, int? DirtyRate, string? Data = null)
{
    /// <summary>What tells series of the same strategy apart: "d50", "zero", "d50 zero" or "".</summary>
    public string Variant => string.Join(' ', new[] { DirtyRate is { } r ? "d" + r.ToString(CultureInfo.InvariantCulture) : null, Data }.OfType<string>());

    public static MemoryWorkloadName? TryParse(string workload)
    {
        var match = Pattern().Match(workload);
        if (!match.Success) return null;
        if (!int.TryParse(match.Groups["mib"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var mib) || mib == 0) return null;
        int? dirty = null;
        if (match.Groups["dirty"].Success)
        {
            if (!int.TryParse(match.Groups["dirty"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return null;
            dirty = d;
        }
        return new MemoryWorkloadName(mib, dirty, match.Groups["data"].Success ? match.Groups["data"].Value : null);
    }

    /// <summary>The data kind is a word of two letters or more, so a dangling "-d" is not taken for one.</summary>
    [GeneratedRegex(@"^memory-(?<mib>[0-9]+)m(-d(?<dirty>[0-9]+))?(-(?<data>[a-z]{2,}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
