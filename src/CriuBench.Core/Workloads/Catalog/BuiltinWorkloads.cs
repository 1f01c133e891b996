using System.Globalization;
using CriuBench.Hosts;
using CriuBench.Workloads.Output;

namespace CriuBench.Workloads.Catalog;

/// <summary>The workloads CriuBench ships, by the names a suite or --workloads uses, with their parameters.</summary>
public static class BuiltinWorkloads
{
    private sealed record Builtin(string[] Parameters, Func<Func<string, string?>, WorkloadSpec> Create);

    /// <summary>What the built-in services take (workloads/README.md says what each means).</summary>
    private static readonly string[] ServiceParameters = ["dataset_mib", "connections", "interval_ms", "tcp_established"];

    private static readonly Dictionary<string, Builtin> All = new()
    {
        ["counter"] = new([], _ => ShellCounter()),
        ["timestamps"] = new([], _ => TimestampPrinter()),
        ["memory"] = new(["mib", "dirty_mib_per_s", "data"], get => MemoryHog(
            mib: Number(get("mib") ?? "256", "mib"),
            dirtyMibPerSecond: Number(get("dirty_mib_per_s") ?? "0", "dirty_mib_per_s"),
            data: get("data") ?? "random")),
        ["runc-counter"] = new([], _ => ContainerCounter(WorkloadEngines.Runc)),
        ["redis"] = new(ServiceParameters, get => BuiltinServices.Redis(ServiceOptions.Read(get), Number(get("dataset_mib") ?? "0", "dataset_mib"))),
        ["http"] = new(ServiceParameters.Where(p => p != "dataset_mib").ToArray(), get => BuiltinServices.Http(ServiceOptions.Read(get))),
        ["docker-counter"] = new([], _ => ContainerCounter(WorkloadEngines.Docker)),
        ["podman-counter"] = new([], _ => ContainerCounter(WorkloadEngines.Podman)),
    };

    public static IReadOnlyCollection<string> Names => All.Keys;

    public static WorkloadSpec ByName(string name) => Create(name, new Dictionary<string, string>());

    /// <summary>A built-in workload with parameters from a suite (e.g. memory with mib: 1024).</summary>
    public static WorkloadSpec Create(string name, IReadOnlyDictionary<string, string> parameters)
    {
        if (!All.TryGetValue(name, out var builtin))
            throw new ArgumentException($"unknown workload '{name}': built-in ones are {string.Join(", ", Names)}; define others in a suite file");
        foreach (var key in parameters.Keys.Where(key => !builtin.Parameters.Contains(key)))
            throw new ArgumentException(builtin.Parameters.Length == 0
                ? $"workload '{name}' takes no parameters, but '{key}' was given"
                : $"workload '{name}' has no parameter '{key}': it takes {string.Join(", ", builtin.Parameters)}");
        return builtin.Create(key => parameters.GetValueOrDefault(key));
    }

    /// <summary>bash printing 0, 1, 2, ... every <paramref name="interval"/>.</summary>
    public static WorkloadSpec ShellCounter(TimeSpan? interval = null)
    {
        var every = interval ?? TimeSpan.FromMilliseconds(100);
        return new WorkloadSpec
        {
            Name = "counter",
            Command = ["bash", HostAssets.On("counter.sh"), Invariant(every.TotalSeconds)],
            Output = OutputFormat.Counter,
            Interval = every,
        };
    }

    /// <summary>Prints "counter unix-ns" every millisecond: the app's own view of its downtime.</summary>
    public static WorkloadSpec TimestampPrinter(TimeSpan? interval = null)
    {
        var every = interval ?? TimeSpan.FromMilliseconds(1);
        return new WorkloadSpec
        {
            Name = "timestamps",
            Command = [HostAssets.On("bin/ticker"), "--interval-us", Invariant(Math.Round(every.TotalMicroseconds))],
            Output = OutputFormat.CounterTimestamp,
            Interval = every,
        };
    }

    /// <summary>
    /// Holds <paramref name="mib"/> MiB of filled memory and dirties <paramref name="dirtyMibPerSecond"/> of it,
    /// printing "counter unix-ns verdict" every 5 ms. Its image must hold at least those MiB. After every
    /// migration it compares each page with what its index and generation say it holds (workloads/ticker.c):
    /// the verdict is ok until a page differs, and the check reads it on every line.
    /// </summary>
    public static WorkloadSpec MemoryHog(double mib, double dirtyMibPerSecond = 0, string data = "random")
    {
        if (mib < 1) throw new ArgumentException($"mib must be at least 1, not {Invariant(mib)}");
        if (data is not ("random" or "compressible")) throw new ArgumentException($"data must be random or compressible, not '{data}'");
        var every = TimeSpan.FromMilliseconds(5);
        var name = $"memory-{Invariant(mib)}m" + (dirtyMibPerSecond > 0 ? $"-d{Invariant(dirtyMibPerSecond)}" : "") + (data == "random" ? "" : "-" + data);
        return new WorkloadSpec
        {
            Name = name,
            Command = [HostAssets.On("bin/ticker"), "--mib", Invariant(mib), "--data", data,
                "--dirty-mib-per-s", Invariant(dirtyMibPerSecond), "--interval-us", Invariant(every.TotalMicroseconds)],
            Output = OutputFormat.CounterTimestamp,
            ExtraFields = true,
            Check = new FieldEquals(3, "ok"),
            Interval = every,
            MinimumImageBytes = (long)(mib * 1024 * 1024),
            Parameters = [new("mib", Invariant(mib)), new("dirty_mib_per_s", Invariant(dirtyMibPerSecond)), new("data", data)],
        };
    }

    private static double Number(string text, string parameter) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{parameter} must be a non-negative number, not '{text}'");

    private static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The shell counter inside a container of <paramref name="engine"/> (runc, docker, podman): busybox's
    /// sh printing 0, 1, 2, ... every <paramref name="interval"/>. The container has only busybox,
    /// so the loop is inline rather than workloads/counter.sh (which is bash).
    /// </summary>
    public static WorkloadSpec ContainerCounter(EngineKind engine, TimeSpan? interval = null)
    {
        var every = interval ?? TimeSpan.FromMilliseconds(100);
        return new WorkloadSpec
        {
            Name = $"{engine.Name}-counter",
            Command = ["sh", "-c", "i=0; while :; do echo $i; i=$((i + 1)); sleep \"$1\"; done", "counter",
                Invariant(every.TotalSeconds)],
            Output = OutputFormat.Counter,
            Interval = every,
            Engine = engine,
        };
    }
}
