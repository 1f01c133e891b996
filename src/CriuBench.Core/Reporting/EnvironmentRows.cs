using System.Globalization;

namespace CriuBench.Reporting;

/// <summary>The environment as people read it (summary.md, report.md, report.html): one named value a row.</summary>
internal static class EnvironmentRows
{
    public static IReadOnlyList<(string Name, string Value)> Of(RunEnvironment e) =>
    [
        ("started", e.StartedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)),
        ("kernel", e.Kernel),
        ("criu", e.CriuVersion),
        ("runc", e.RuncVersion ?? "n/a"),
        ("host kind", e.HostKind),
        ("link rates", string.Join(", ", e.LinkRates)),
        ("cores", e.Cores.ToString(CultureInfo.InvariantCulture)),
        ("memory", e.MemoryGiB.ToString("0.#", CultureInfo.InvariantCulture) + " GiB"),
        (".NET", e.DotnetVersion),
        ("command", e.CommandLine),
    ];
}
