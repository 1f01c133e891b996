using CriuBench.Execution;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// After all of a workload's migrations: its whole output, streamed from the host it ends on, must
/// count on without a break. Each row checks its own seam; this checks everything in between too.
/// </summary>
public static class WholeOutputCheck
{
    public static async Task<GapSummary> AnalyzeAsync(RunningWorkload workload, CancellationToken ct)
    {
        GapSummary? summary = null;
        var result = await workload.Host.RunStreamingAsync(Command.Of("cat", workload.OutputFile),
            async stream => summary = await StreamingGapAnalyzer.AnalyzeAsync(stream, workload.Spec.Output, cancellationToken: ct), ct);
        result.EnsureSuccess();
        return summary ?? throw new InvalidOperationException($"reading {workload.OutputFile} on {workload.Host.Name} gave no output");
    }

    public static string Describe(GapSummary summary) =>
        summary.IsContinuous
            ? $"{summary.Lines} lines, continuous"
            : $"{summary.Lines} lines, {summary.Discontinuities} break(s), first at line {summary.First[0].LineNumber} ({summary.First[0].Previous} -> {summary.First[0].Next})";
}
