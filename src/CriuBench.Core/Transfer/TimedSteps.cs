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

    public TransferOutcome Finish(long? bytesMoved) => new(total.Elapsed, bytesMoved, steps);
}
