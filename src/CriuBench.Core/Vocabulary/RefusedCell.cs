namespace CriuBench.Vocabulary;

/// <summary>A cell the hosts cannot do, and why.</summary>
public sealed record RefusedCell(string Workload, string Engine, string Strategy, string Mode, string LinkRate, string Reason)
{
    /// <summary>Its number in the whole suite's plan (see Running/RunPlan); null in files from before it was recorded.</summary>
    public int? Cell { get; init; }
}
