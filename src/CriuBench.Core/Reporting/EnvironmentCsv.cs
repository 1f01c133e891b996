using System.Globalization;
using CsvHelper;

namespace CriuBench.Reporting;

/// <summary>
/// environment.csv: the <see cref="RunEnvironment"/> as key,value rows, so a report can be
/// regenerated from a run directory's CSV files alone.
/// </summary>
public static class EnvironmentCsv
{
    private const char LinkRateSeparator = ';';

    public static async Task WriteAsync(string path, RunEnvironment environment, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.ToFile(path, CsvDialect.Writer);
        csv.WriteHeader(["key", "value"]);
        foreach (var (key, value) in Pairs(environment).Concat(EnvironmentHostRows.Pairs(environment.Hosts)))
            await csv.WriteRecordAsync([key, value], cancellationToken);
    }

    /// <exception cref="RunFileException">The file is missing, damaged or lacks a key; the message says which.</exception>
    public static Task<RunEnvironment> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        CsvReadErrors.GuardAsync(path, () => ReadCoreAsync(path, cancellationToken));

    private static async Task<RunEnvironment> ReadCoreAsync(string path, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var csv = CsvReader.FromFile(path, CsvDialect.Reader))
        {
            while (await csv.ReadAsync(cancellationToken))
                values[csv.GetString("key")] = csv.GetString("value");
        }

        string Get(string key) => values.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"no '{key}' row");
        var runc = Get("runc_version");
        return new RunEnvironment(
            Kernel: Get("kernel"),
            CriuVersion: Get("criu_version"),
            RuncVersion: runc.Length == 0 ? null : runc,
            HostKind: Get("host_kind"),
            LinkRates: Get("link_rates").Split(LinkRateSeparator, StringSplitOptions.RemoveEmptyEntries),
            Cores: Number("cores", text => int.Parse(text, CultureInfo.InvariantCulture)),
            MemoryGiB: Number("memory_gib", text => double.Parse(text, CultureInfo.InvariantCulture)),
            StartedAt: Number("started_at", text => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture)),
            DotnetVersion: Get("dotnet_version"),
            CommandLine: Get("command_line"))
        {
            Hosts = EnvironmentHostRows.Read(values),
            CriuBuild = Optional("criu_build"),
            Suite = Optional("suite"),
            SuiteCells = Optional("suite_cells"),
            Shard = Optional("shard"),
        };

        string? Optional(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        T Number<T>(string key, Func<string, T> parse)
        {
            var text = Get(key);
            try { return parse(text); }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new InvalidDataException($"the '{key}' row holds '{text}', which is not a valid {key}");
            }
        }
    }

    private static IEnumerable<(string Key, string Value)> Pairs(RunEnvironment e) =>
    [
        ("kernel", e.Kernel),
        ("criu_version", e.CriuVersion),
        ("runc_version", e.RuncVersion ?? ""),
        ("host_kind", e.HostKind),
        ("link_rates", string.Join(LinkRateSeparator, e.LinkRates)),
        ("cores", e.Cores.ToString(CultureInfo.InvariantCulture)),
        ("memory_gib", e.MemoryGiB.ToString(CsvDialect.RoundTripDouble, CultureInfo.InvariantCulture)),
        ("started_at", e.StartedAt.ToString("O", CultureInfo.InvariantCulture)),
        ("dotnet_version", e.DotnetVersion),
        ("command_line", e.CommandLine),
        .. e.CriuBuild is { } build ? [("criu_build", build)] : Array.Empty<(string, string)>(),
        .. e.Suite is { } suite ? [("suite", suite)] : Array.Empty<(string, string)>(),
        .. e.SuiteCells is { } cells ? [("suite_cells", cells)] : Array.Empty<(string, string)>(),
        .. e.Shard is { } shard ? [("shard", shard)] : Array.Empty<(string, string)>(),
    ];
}
