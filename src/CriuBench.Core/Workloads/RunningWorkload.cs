using CriuBench.Hosts;

namespace CriuBench.Workloads;

/// <summary>A workload instance running on a host. <see cref="Id"/> is its PID there, or its container name.</summary>
public sealed record RunningWorkload(WorkloadSpec Spec, string Instance, IHost Host, string Id)
{
    /// <summary>The instance's directory: the same path on every host, and it moves with the workload.</summary>
    public string Directory => HostPaths.WorkloadDirectory(Instance);

    /// <summary>Where its progress lines are read from on <see cref="Host"/>.</summary>
    public string OutputFile { get; init; } = HostPaths.WorkloadDirectory(Instance) + "/output.log";

    /// <summary>Where its stderr goes on <see cref="Host"/> (workloads/launch.sh; a container may have none).</summary>
    public string StderrFile { get; init; } = HostPaths.WorkloadDirectory(Instance) + "/stderr.log";

    /// <summary>A service's client (on the client host, never migrated); its output is <see cref="OutputFile"/> then.</summary>
    public ServiceClient? Client { get; init; }

    /// <summary>The host <see cref="OutputFile"/> is on: the client's for a service, else where the workload runs.</summary>
    public IHost OutputHost => Client?.Host ?? Host;
}
