using System.Diagnostics;
using CriuBench.Hosts;
using CriuBench.Workloads;
using CriuBench.Workloads.Output;

namespace CriuBench.Migration;

/// <summary>
/// Call once a workload has started and before its first migration: waits for its first lines and
/// throws <see cref="WorkloadOutputException"/>, quoting a line, when they do not fit the declared format.
/// </summary>
public static class FirstOutputCheck
{
    private const long BytesRead = 4096;
    private const int LinesWanted = 3;

    public static async Task EnsureReadableAsync(RunningWorkload workload, CancellationToken ct)
    {
        var spec = workload.Spec;
        var limit = TimeSpan.FromSeconds(5) + 10 * spec.Interval;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var size = await workload.OutputHost.FileSizeAsync(workload.OutputFile, ct) ?? 0;
            var start = size == 0 ? [] : await workload.OutputHost.ReadBytesAsync(workload.OutputFile, 0, Math.Min(size, BytesRead), ct);
            var problem = FirstLines.Problem(start, spec.Name, spec.LineFormat, spec.Check, DateTimeOffset.UtcNow);
            var lines = start.Count(b => b == (byte)'\n');
            if (problem is not null && lines > 0) throw new WorkloadOutputException(problem);
            if (problem is null && (lines >= LinesWanted || size >= BytesRead)) return;
            if (clock.Elapsed > limit)
            {
                if (problem is null) return; // fewer lines than wanted, but those it printed fit
                throw new WorkloadOutputException($"{problem} after {limit.TotalSeconds:0} s ({workload.OutputFile} on {workload.OutputHost.Name} holds {size} bytes)");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(spec.Interval.TotalMilliseconds, 10, 200)), ct);
        }
    }
}

/// <summary>A workload's output does not fit its declared format; the message quotes a line.</summary>
public sealed class WorkloadOutputException(string message) : InvalidOperationException(message);
