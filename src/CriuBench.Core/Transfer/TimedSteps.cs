using System.Diagnostics;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>Runs a transfer's commands one after another, timing each as a named step.</summary>
internal sealed class TimedSteps
{
    private readonly List<TransferStep> steps = [];
    private readonly Stopwatch total = Stopwatch.StartNew();

    /// <summary>Runs one step; its result carries the output a strategy may read numbers from.</summary>
    public async Task<CommandResult> RunAsync(string name, IHost host, Command command, CancellationToken ct)
    {
        var result = await host.RunCheckedAsync(command, ct);
        steps.Add(new TransferStep(name, result.Duration, total.Elapsed - result.Duration));
        return result;
    }

    /// <summary>Times a step that is not one command (e.g. a stream opened beforehand, started and waited for).</summary>
    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
    {
        var start = total.Elapsed;
        var result = await step();
        steps.Add(new TransferStep(name, total.Elapsed - start, start));
        return result;
    }

    /// <summary>
    /// Runs one command that does several steps in a row on one host, and records each from the
    /// host's own clock: <paramref name="split"/> reads the steps' durations from its result, all
    /// but the last one's at least. The last step is the rest of the command (so a script may exec
    /// its last program), which also holds its process start and entering the host.
    /// </summary>
    public async Task<CommandResult> RunAsync(IReadOnlyList<string> names, IHost host, Command command,
        Func<CommandResult, IReadOnlyList<TimeSpan>?> split, CancellationToken ct)
    {
        var result = await host.RunCheckedAsync(command, ct);
        var start = total.Elapsed - result.Duration;
        var durations = split(result);
        if (durations is null || durations.Count < names.Count - 1)
        {
            steps.Add(new TransferStep(string.Join('+', names), result.Duration, start)); // the host did not say: one step
            return result;
        }
        var offset = start;
        for (var i = 0; i < names.Count; i++)
        {
            var duration = i < names.Count - 1 ? durations[i] : result.Duration - (offset - start);
            steps.Add(new TransferStep(names[i], duration, offset));
            offset += duration;
        }
        return result;
    }

    public TransferOutcome Finish(long? bytesMoved) => new(total.Elapsed, bytesMoved, steps);
}
