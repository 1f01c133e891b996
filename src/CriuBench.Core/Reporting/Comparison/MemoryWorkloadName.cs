using System.Globalization;
using System.Text.RegularExpressions;

namespace CriuBench.Reporting.Comparison;

/// <summary>
/// The memory allocator workload's parameters as its name carries them: <c>memory-&lt;N&gt;m</c> or
/// <c>memory-&lt;N&gt;m-d&lt;R&gt;</c> (N MiB, dirtied at rate R). migrations.csv has no parameters
/// column yet (issue 3); until it has, the memory sweep reads N and R from the name.
/// </summary>
internal sealed partial record MemoryWorkloadName(int MiB, int? DirtyRate)
{
    /// <summary>"d50", or "" without a dirty rate.</summary>
    public string DirtyLabel => DirtyRate is { } r ? "d" + r.ToString(CultureInfo.InvariantCulture) : "";

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
        return new MemoryWorkloadName(mib, dirty);
    }

    [GeneratedRegex(@"^memory-(?<mib>[0-9]+)m(-d(?<dirty>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
