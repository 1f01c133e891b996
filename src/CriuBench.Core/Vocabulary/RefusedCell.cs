namespace CriuBench.Vocabulary;

/// <summary>A cell the hosts cannot do, and why.</summary>
public sealed record RefusedCell(string Workload, string Engine, string Strategy, string Mode, string LinkRate, string Reason);
