using CriuBench.Vocabulary;
using CriuBench.Workloads.Output;

namespace CriuBench.Workloads;

/// <summary>
/// What runs and how its progress is read. The engine (bare process, runc, Docker) decides how it
/// is started and checkpointed; the spec is the same whichever engine runs it.
/// </summary>
public sealed record WorkloadSpec
{
    /// <summary>Unique within a suite; names results rows and directories.</summary>
    public required string Name { get; init; }

    /// <summary>Program and arguments; the program prints its progress lines to stdout.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    public required OutputFormat Output { get; init; }

    /// <summary>The unit of the timestamp field (counter-timestamp only); built-ins print nanoseconds.</summary>
    public TimestampUnit TimestampUnit { get; init; } = TimestampUnit.Nanoseconds;

    /// <summary>Lines may carry more fields after the counter and timestamp (user workloads do).</summary>
    public bool ExtraFields { get; init; }

    /// <summary>The workload's own verdict, tested on every line of its whole output; null: none.</summary>
    public OutputCheck? Check { get; init; }

    /// <summary>How a line of its output is read.</summary>
    public LineFormat LineFormat => new(Output, TimestampUnit, ExtraFields);

    /// <summary>How often it prints: bounds how long verification waits for output after a restore.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Which engine runs it: process (CRIU directly), runc, docker; resolved when the suite loads.</summary>
    public EngineKind Engine { get; init; } = ProcessEngine.Kind;

    /// <summary>
    /// The container image of an engine that takes one (podman): an image archive on the controller
    /// (docker-archive or oci-archive, as `podman save` writes it), loaded into each host's own storage;
    /// null: the engine's busybox image.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>Extra `criu dump` arguments this workload needs (e.g. --tcp-established).</summary>
    public IReadOnlyList<string> ExtraDumpArguments { get; init; } = [];

    /// <summary>The link rates (labels) this workload runs at; null: every rate of the suite.</summary>
    public IReadOnlyList<string>? LinkRates { get; init; }

    public bool RunsAt(LinkRate rate) => LinkRates is null || LinkRates.Contains(rate.Label);

    /// <summary>The least a checkpoint of it must weigh (memory it holds); a smaller image means pages were missed.</summary>
    public long? MinimumImageBytes { get; init; }

    /// <summary>
    /// Set for a service: <see cref="Command"/> is then the service and its output the client's
    /// (on the client host); null for a workload that prints its own progress.
    /// </summary>
    public ServiceSpec? Service { get; init; }

    /// <summary>The service part changed by <paramref name="change"/>.</summary>
    public WorkloadSpec WithService(Func<ServiceSpec, ServiceSpec> change) =>
        this with { Service = change(Service ?? throw new InvalidOperationException($"{Name} is not a service")) };

    /// <summary>The spec as it starts at <paramref name="address"/>: the placeholder replaced in the service's and the client's command lines.</summary>
    public WorkloadSpec At(string address) => Service is null ? this : this with
    {
        Command = ServiceSpec.WithAddress(Command, address),
        Service = Service.At(address),
    };

    /// <summary>The CRIU options its sockets need on dump and restore: a service's established TCP connections kept or closed.</summary>
    public IReadOnlyList<Criu.CriuOption> SocketOptions => Service is null ? []
        : Service.TcpEstablished ? [new Criu.CriuOption.TcpEstablished()] : [new Criu.CriuOption.TcpClose()];

    /// <summary>Parameters worth a column in results (e.g. mib=256), in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];
}
