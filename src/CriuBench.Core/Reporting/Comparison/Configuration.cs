namespace CriuBench.Reporting.Comparison;

/// <summary>What a summary row describes: one workload on one engine with one strategy at one link rate.</summary>
internal sealed record Configuration(string Workload, string Engine, string Strategy, string Mode, string LinkRate)
{
    /// <summary>Stop and copy: the only mode the stop-and-copy bound and CRIU's frozen-time cross-check hold for.</summary>
    public bool IsCold => Mode == Migration.MigrationModes.Cold;
}
