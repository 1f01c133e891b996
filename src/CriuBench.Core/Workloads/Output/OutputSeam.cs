namespace CriuBench.Workloads.Output;

/// <summary>
/// Where one migration cut a workload's output: <paramref name="Offset"/> is the output file's size
/// when the checkpoint was taken, so the first line after it was printed by the restored workload.
/// </summary>
public sealed record OutputSeam(string MigrationId, long Offset);
