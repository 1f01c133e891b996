using CriuBench.Execution;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// After all of a workload's migrations: its whole output, streamed from the host it ends on, must
/// count on without a break, every line must be readable, and the workload's own check (if its
/// suite declares one) must hold on every line. Each row checks its own seam; this checks
/// everything in between too.
/// </summary>
public static class WholeOutputCheck
{
    /// <summary>Without seams, failed check lines are reported by line number only.</summary>
    public static Task<WholeOutputVerdict> AnalyzeAsync(RunningWorkload workload, CancellationToken ct) =>
        AnalyzeAsync(workload, [], ct);

    /// <param name="seams">Each migration's seam in this output, oldest first, so failures are reported per migration.</param>
    public static async Task<WholeOutputVerdict> AnalyzeAsync(RunningWorkload workload, IReadOnlyList<OutputSeam> seams, CancellationToken ct)
    {
        OutputAnalysis? analysis = null;
        var spec = workload.Spec;
        var result = await workload.OutputHost.RunStreamingAsync(Command.Of("cat", workload.OutputFile),
            async stream => analysis = await StreamingGapAnalyzer.AnalyzeAsync(stream, spec.LineFormat, spec.Check, seams, cancellationToken: ct), ct);
        result.EnsureSuccess();
        return new WholeOutputVerdict(spec.LineFormat, analysis
            ?? throw new InvalidOperationException($"reading {workload.OutputFile} on {workload.OutputHost.Name} gave no output"));
    }

    public static string Describe(WholeOutputVerdict verdict) => verdict.Describe();
}
