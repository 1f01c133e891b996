using CriuBench.Hosts;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>One migration to perform, and the labels its result row carries.</summary>
public sealed record MigrationRequest(
    string RunId,
    int Repetition,
    RunningWorkload Workload,
    IHost Destination,
    IWorkloadEngine Engine,
    ITransferStrategy Strategy,
    string LinkRate)
{
    public IMigrationMode Mode { get; init; } = new ColdMode();

    /// <summary>The host kind rows carry ("lab-netns", "vm-qemu", "ssh").</summary>
    public string HostKind { get; init; } = Destination.Kind;

    /// <summary>The client host and service address, for a service workload (the address moves at the seam).</summary>
    public IServiceNetwork? Services { get; init; }

    /// <summary>Unique per run, safe as a directory name.</summary>
    public string MigrationId => $"{Workload.Instance}-r{Repetition:D3}";
}

/// <summary>The row for the CSV, and where the workload runs now (null if it was lost).</summary>
public sealed record MigrationResult(Measurements.MigrationRecord Record, RunningWorkload? Workload)
{
    /// <summary>Where this migration cut the output file (its size at the checkpoint), where it was read.</summary>
    public long? Seam { get; init; }
}
