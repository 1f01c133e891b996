namespace CriuBench.Publishing;

/// <summary>One run on the site: runs.csv's row, which the index lists newest first.</summary>
/// <param name="Verdict">The comparison with the run published before it ("" for the first run).</param>
public sealed record PublishedRun(string RunId, DateTimeOffset StartedAt, string CriuVersion, string HostKind, int Migrations, int Failed, string ComparedWith, string Verdict);
