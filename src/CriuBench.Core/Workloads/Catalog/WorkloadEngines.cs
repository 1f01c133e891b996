using CriuBench.Preflight;
using CriuBench.Workloads.Containers;

namespace CriuBench.Workloads.Catalog;

/// <summary>The engines by the names a workload's `engine:` uses. A new engine is one class and one line here.</summary>
public static class WorkloadEngines
{
    public static EngineKind Process => ProcessEngine.Kind;

    public static EngineKind Runc { get; } = new(new("runc") { Checkpointer = "runc checkpoint", PreDump = true, LazyPages = true, UserDumpArguments = RuncCommands.PassedOn },
        () => new RuncEngine());

    public static EngineKind Docker { get; } = new(new("docker") { Checkpointer = "docker checkpoint create", PassesCriuOptions = false, UserDumpArguments = [], TcpEstablished = false },
        () => new DockerEngine());

    /// <summary>Cold, and pre-copy of one round (--pre-checkpoint, then --with-previous): Podman has no page server and no lazy pages (PodmanEngine.Supports says why).</summary>
    public static EngineKind Podman { get; } = new(new("podman") { Checkpointer = "podman container checkpoint", PreDump = true, UserDumpArguments = [], TakesImage = true },
        () => new PodmanEngine());

    private static readonly Registry<EngineKind> Kinds = new("engine", [.. new[] { Process, Runc, Docker, Podman }.Select(kind => (kind.Name, kind))]);

    public static IReadOnlyCollection<string> Names => Kinds.Names;

    /// <exception cref="UnknownNameException">With the names there are.</exception>
    public static EngineKind Resolve(string name) => Kinds.Resolve(name);

    /// <summary>An engine by name, for tests and tools that drive one migration without a suite.</summary>
    public static IWorkloadEngine Create(string name) => Resolve(name).Create();
}
