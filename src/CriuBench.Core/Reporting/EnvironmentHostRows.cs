using System.Globalization;
using CriuBench.Preflight;

namespace CriuBench.Reporting;

/// <summary>
/// Each host's probe in environment.csv, as key,value rows named "host1.kernel", "host2.criu", ...
/// Older files have none of them and read as before (no per-host rows).
/// </summary>
internal static class EnvironmentHostRows
{
    public static IEnumerable<(string Key, string Value)> Pairs(IReadOnlyList<HostFeatures> hosts) =>
        hosts.SelectMany((host, index) => Fields(host).Select(field => ($"host{index + 1}.{field.Name}", field.Value)));

    public static IReadOnlyList<HostFeatures> Read(IReadOnlyDictionary<string, string> values)
    {
        var hosts = new List<HostFeatures>();
        for (var index = 1; values.ContainsKey($"host{index}.name"); index++)
        {
            string Get(string name) => values.TryGetValue($"host{index}.{name}", out var value) ? value : "";
            string? Optional(string name) => Get(name) is { Length: > 0 } value ? value : null;
            hosts.Add(new HostFeatures
            {
                Host = Get("name"),
                Kind = Get("kind"),
                Kernel = Get("kernel"),
                Distribution = Get("distribution"),
                CriuVersion = Optional("criu"),
                RuncVersion = Optional("runc"),
                Cores = int.TryParse(Get("cores"), CultureInfo.InvariantCulture, out var cores) ? cores : 0,
                MemoryGiB = double.TryParse(Get("memory_gib"), CultureInfo.InvariantCulture, out var memory) ? memory : 0,
                CriuWorks = Get("criu_check") == "yes",
                SoftDirty = Get("soft_dirty") == "yes",
                Uffd = Get("uffd") == "yes",
                NfsClient = Get("nfs_client") == "yes",
                NfsServer = Get("nfs_server") == "yes",
                PipeMaxSize = long.TryParse(Get("pipe_max_size"), CultureInfo.InvariantCulture, out var pipe) ? pipe : null,
            });
        }
        return hosts;
    }

    /// <summary>The columns a per-host table shows, in order; also the CSV's field names.</summary>
    public static IReadOnlyList<(string Name, string Value)> Fields(HostFeatures host) =>
    [
        ("name", host.Host),
        ("kind", host.Kind),
        ("kernel", host.Kernel),
        ("distribution", host.Distribution),
        ("criu", host.CriuVersion ?? ""),
        ("runc", host.RuncVersion ?? ""),
        ("cores", host.Cores.ToString(CultureInfo.InvariantCulture)),
        ("memory_gib", host.MemoryGiB.ToString(CultureInfo.InvariantCulture)),
        ("criu_check", YesNo(host.CriuWorks)),
        ("soft_dirty", YesNo(host.SoftDirty)),
        ("uffd", YesNo(host.Uffd)),
        ("nfs_client", YesNo(host.NfsClient)),
        ("nfs_server", YesNo(host.NfsServer)),
        ("pipe_max_size", host.PipeMaxSize?.ToString(CultureInfo.InvariantCulture) ?? ""),
    ];

    private static string YesNo(bool value) => value ? "yes" : "no";
}
