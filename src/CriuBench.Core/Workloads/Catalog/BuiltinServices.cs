using System.Globalization;
using CriuBench.Hosts;
using CriuBench.Workloads.Output;

namespace CriuBench.Workloads.Catalog;

/// <summary>How a built-in service's client runs: its connections, its request interval, and whether the connections are kept.</summary>
public sealed record ServiceOptions(int Connections = 1, double IntervalMs = 1, bool TcpEstablished = true)
{
    public static ServiceOptions Read(Func<string, string?> get)
    {
        var connections = get("connections") ?? "1";
        var interval = get("interval_ms") ?? "1";
        var tcp = get("tcp_established") ?? "true";
        return new ServiceOptions(
            int.TryParse(connections, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000
                ? n : throw new ArgumentException($"connections must be a whole number from 1 to 1000, not '{connections}'"),
            double.TryParse(interval, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms is >= 0.1 and <= 60_000
                ? ms : throw new ArgumentException($"interval_ms must be a number of milliseconds from 0.1 to 60000, not '{interval}'"),
            tcp switch
            {
                "true" => true,
                "false" => false,
                _ => throw new ArgumentException($"tcp_established must be true or false, not '{tcp}'"),
            });
    }

    /// <summary>The name's suffix for what differs from the defaults, so two variants in one suite differ by name.</summary>
    public string NameSuffix =>
        (Connections == 1 ? "" : $"-c{Connections}") + (IntervalMs == 1 ? "" : $"-i{Invariant(IntervalMs)}") + (TcpEstablished ? "" : "-reconnect");

    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        [new("connections", Invariant(Connections)), new("interval_ms", Invariant(IntervalMs)), new("tcp_established", TcpEstablished ? "true" : "false")];

    public static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>
/// The built-in services: Debian's redis-server and nginx, each with a client of
/// workloads/services/ that prints "counter timestamp-ns latency-us failed connects verdict" per answer.
/// </summary>
public static class BuiltinServices
{
    public const int RedisPort = 7000;
    public const int HttpPort = 7001;

    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// redis-server with persistence off (no RDB, no AOF: no file it writes and holds) and its log
    /// on stdout (the workload's own output.log, which moves with it); <paramref name="datasetMib"/>
    /// MiB filled before the first migration and read back after the last.
    /// </summary>
    public static WorkloadSpec Redis(ServiceOptions options, double datasetMib = 0)
    {
        var address = ServiceSpec.AddressPlaceholder;
        var port = RedisPort.ToString(CultureInfo.InvariantCulture);
        var dataset = ServiceOptions.Invariant(datasetMib);
        string[] tool = [Python, HostAssets.On("services/redis_dataset.py")];
        return (Service(options, datasetMib > 0 ? $"redis-{dataset}m" : "redis",
            ["/usr/bin/redis-server", "--bind", address, "--port", port, "--save", "", "--appendonly", "no", "--protected-mode", "no",
                "--daemonize", "no", "--logfile", "", "--dir", "."],
            [Python, "-u", HostAssets.On("services/redis_client.py"), address, port]) with
        {
            MinimumImageBytes = datasetMib > 0 ? (long)(datasetMib * 1024 * 1024) : null,
            Parameters = [new("dataset_mib", dataset), .. options.Parameters],
        }).WithService(service => service with
        {
            Fill = datasetMib > 0 ? [.. tool, "fill", address, port, dataset] : null,
            Verify = datasetMib > 0 ? [.. tool, "verify", address, port, dataset] : null,
        });
    }

    /// <summary>nginx serving one file (workloads/services/http-service.sh), its keep-alive client checking every body.</summary>
    public static WorkloadSpec Http(ServiceOptions options)
    {
        var address = ServiceSpec.AddressPlaceholder;
        var port = HttpPort.ToString(CultureInfo.InvariantCulture);
        return Service(options, "http",
            [HostAssets.On("services/http-service.sh"), address, port],
            [Python, "-u", HostAssets.On("services/http_client.py"), address, port]) with { Parameters = options.Parameters };
    }

    private static WorkloadSpec Service(ServiceOptions options, string name, string[] service, string[] client) => new()
    {
        Name = name + options.NameSuffix,
        Command = service,
        Output = OutputFormat.CounterTimestamp,
        ExtraFields = true,
        Check = new FieldEquals(6, "ok"),
        Interval = TimeSpan.FromMilliseconds(options.IntervalMs),
        Service = new ServiceSpec
        {
            Client = [.. client, options.Connections.ToString(CultureInfo.InvariantCulture), ServiceOptions.Invariant(options.IntervalMs)],
            Connections = options.Connections,
            TcpEstablished = options.TcpEstablished,
            Fields = ClientFields.BuiltIn,
        },
    };
}
