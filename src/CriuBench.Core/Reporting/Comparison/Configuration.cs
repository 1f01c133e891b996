namespace CriuBench.Reporting.Comparison;

/// <summary>What a summary row describes: one workload on one engine with one strategy at one link rate.</summary>
internal sealed record Configuration(string Workload, string Engine, string Strategy, string LinkRate);
