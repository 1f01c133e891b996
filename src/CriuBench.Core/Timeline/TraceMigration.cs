namespace CriuBench.Timeline;

/// <summary>
/// What the trace says about one migration on its top-level slice (workload, strategy, mode, rate,
/// stop time, bytes) and how many bytes it sent over the link (the link's counter track).
/// </summary>
public sealed record TraceMigration(string Id, IReadOnlyDictionary<string, object> Args, long? LinkBytes);
