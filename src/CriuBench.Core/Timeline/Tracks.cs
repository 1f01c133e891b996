namespace CriuBench.Timeline;

/// <summary>
/// The trace's tracks besides one per host (the commands run there): the harness's phases,
/// CRIU's own phases from its statistics, the transfer's steps, and the workload's own lines.
/// </summary>
public static class Tracks
{
    public const string Phases = "migration";
    public const string Criu = "criu";
    public const string Transfer = "transfer";
    public const string Workload = "workload";
}
