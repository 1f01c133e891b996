using System.Globalization;
using CriuBench.Workloads.Output;

namespace CriuBench.Workloads;

/// <summary>The workloads CriuBench ships, by the names a suite or --workloads uses.</summary>
public static class BuiltinWorkloads
{
    public static readonly IReadOnlyList<string> Names = ["counter", "timestamps", "runc-counter", "docker-counter"];

    /// <summary>bash printing 0, 1, 2, ... every <paramref name="interval"/>.</summary>
    public static WorkloadSpec ShellCounter(TimeSpan? interval = null)
    {
        var every = interval ?? TimeSpan.FromMilliseconds(100);
        return new WorkloadSpec
        {
            Name = "counter",
            Command = ["bash", WorkloadAssets.File("counter.sh"), every.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)],
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
            Command = [WorkloadAssets.File("bin/ticker"), "--interval-us", ((long)(every.TotalMicroseconds)).ToString(CultureInfo.InvariantCulture)],
            Output = OutputFormat.CounterTimestamp,
            Interval = every,
        };
    }

    /// <summary>
    /// The shell counter inside a container of <paramref name="engine"/> ("runc", "docker"): busybox's
    /// sh printing 0, 1, 2, ... every <paramref name="interval"/>. The container has only busybox,
    /// so the loop is inline rather than workloads/counter.sh (which is bash).
    /// </summary>
    public static WorkloadSpec ContainerCounter(string engine, TimeSpan? interval = null)
    {
        var every = interval ?? TimeSpan.FromMilliseconds(100);
        return new WorkloadSpec
        {
            Name = $"{engine}-counter",
            Command = ["sh", "-c", "i=0; while :; do echo $i; i=$((i + 1)); sleep \"$1\"; done", "counter",
                every.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)],
            Output = OutputFormat.Counter,
            Interval = every,
            Engine = engine,
        };
    }

    public static WorkloadSpec ByName(string name) => name switch
    {
        "counter" => ShellCounter(),
        "timestamps" => TimestampPrinter(),
        "runc-counter" => ContainerCounter("runc"),
        "docker-counter" => ContainerCounter("docker"),
        _ => throw new ArgumentException($"unknown workload '{name}': built-in ones are {string.Join(", ", Names)}; define others in a suite file"),
    };
}
