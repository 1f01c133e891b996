using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// The verdict on a workload's whole output. It passes only when lines were read, none was
/// unreadable, the counter never broke, and the workload's own check held on every line: an output
/// that could not be parsed proves nothing, so it fails.
/// </summary>
public sealed record WholeOutputVerdict(LineFormat Format, OutputAnalysis Analysis)
{
    public GapSummary Gaps => Analysis.Gaps;

    public CheckSummary? Check => Analysis.Check;

    public bool Passed => Gaps.IsComplete && Gaps.IsContinuous && (Check?.Passed ?? true);

    /// <summary>Same as <see cref="Passed"/>: the name the run loop used before the whole output had more than gaps to check.</summary>
    public bool IsContinuous => Passed;

    public string Describe()
    {
        var parts = new List<string>();
        var gaps = Gaps;
        if (gaps.ParsedLines == 0)
            parts.Add(gaps.Lines == 0
                ? "FAILED: the output is empty, nothing to check"
                : $"FAILED: none of its {gaps.Lines} lines is a {Format} line; line {gaps.FirstMalformedLineNumber} reads '{gaps.FirstMalformedLine}'");
        else
        {
            parts.Add(gaps.IsContinuous
                ? $"{gaps.Lines} lines, continuous"
                : $"{gaps.Lines} lines, {gaps.Discontinuities} break(s), first at line {gaps.First[0].LineNumber} ({gaps.First[0].Previous} -> {gaps.First[0].Next})");
            if (gaps.MalformedLines > 0)
                parts.Add($"FAILED: {gaps.MalformedLines} line(s) are not {Format} lines, first line {gaps.FirstMalformedLineNumber}: '{gaps.FirstMalformedLine}'");
        }
        if (Check is { } check) parts.Add(DescribeCheck(check));
        return string.Join("; ", parts);
    }

    private static string DescribeCheck(CheckSummary check)
    {
        var what = $"own check ({check.Check.Describe()})";
        if (check.CheckedLines == 0) return $"{what} FAILED: no line to check";
        if (check.Passed) return $"{what} held on all {check.CheckedLines} lines";
        var total = check.Failures.Sum(f => f.Lines);
        var where = check.Failures.Select(f =>
            $"{f.Lines} {(f.AfterMigration is null ? "before the first migration" : $"after migration {f.AfterMigration}")} (first: line {f.FirstLineNumber} '{f.FirstLine}')");
        return $"{what} FAILED on {total} of {check.CheckedLines} lines: {string.Join(", ", where)}";
    }
}
