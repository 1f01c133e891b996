using System.Diagnostics;
using CriuBench.Hosts;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// Proves a restored workload runs: polls its output on the destination until lines appear
/// after the seam (the output file's size at checkpoint time), then reads the seam.
/// </summary>
public static class OutputVerifier
{
    /// <summary>How much output before the seam is read: enough lines for the downtime window.</summary>
    private const long BytesBeforeSeam = 16 * 1024;

    /// <summary>Lines after the seam that show the workload is not just alive but progressing.</summary>
    private const int LinesRequired = 2;

    public static async Task<SeamAnalysis> WaitForContinuationAsync(RunningWorkload workload, long seam, CancellationToken ct)
    {
        var limit = TimeSpan.FromSeconds(5) + 20 * workload.Spec.Interval;
        var clock = Stopwatch.StartNew();
        var start = Math.Max(0, seam - BytesBeforeSeam);
        SeamAnalysis? last = null;
        while (true)
        {
            var size = await workload.OutputHost.FileSizeAsync(workload.OutputFile, ct) ?? 0;
            if (size > seam)
            {
                var window = await workload.OutputHost.ReadBytesAsync(workload.OutputFile, start, size - start, ct);
                last = SeamAnalyzer.Analyze(window, seam - start, workload.Spec.LineFormat, windowStartsAtLine: start == 0);
                if (last.Succeeded && last.Report.LinesAfter >= LinesRequired) return last;
                if (last.Problem is SeamProblem.NoLineBefore or SeamProblem.SeamNotAtLineBoundary) return last;
            }
            if (clock.Elapsed > limit)
                return last ?? SeamAnalysis.Failure(SeamProblem.NoLineAfter,
                    $"no output after the seam within {limit.TotalSeconds:0.#} s ({workload.OutputFile} on {workload.OutputHost.Name} is {size} bytes, seam at {seam})");
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(workload.Spec.Interval.TotalMilliseconds / 2, 5, 50)), ct);
        }
    }
}
