using CriuBench.Logging;
using CriuBench.Timeline;

namespace CriuBench.Migration;

/// <summary>
/// Runs one migration in its mode. Whatever escapes the mode (a bug, an unforeseen failure between
/// phases) still ends as a true row: the workload is looked for where it may run.
/// </summary>
public sealed class MigrationDriver(ILog log, string? logDirectory = null, MigrationTimeline? timeline = null, bool keepLogs = false,
    IIterationLog? iterations = null)
{
    public async Task<MigrationResult> RunAsync(MigrationRequest request, CancellationToken ct)
    {
        var attempt = new MigrationAttempt(request, log, logDirectory, timeline) { KeepLogs = keepLogs, Iterations = iterations ?? new MemoryIterationLog() };
        using var within = attempt.Timeline.Within(request.MigrationId);
        try
        {
            return await request.Mode.RunAsync(attempt, ct) with { Seam = attempt.Seam };
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await LocateAsync(attempt, $"{request.Mode.Name} migration failed unexpectedly: {e.Message}", ct);
        }
    }

    private static async Task<MigrationResult> LocateAsync(MigrationAttempt attempt, string reason, CancellationToken ct)
    {
        if (attempt.Restored is { } restored && await WorkloadLiveness.IsProgressingAsync(restored, ct))
            return new(attempt.Failed($"{reason}; the workload runs on {restored.Host.Name}", restored.Host), restored);
        if (await WorkloadLiveness.IsProgressingAsync(attempt.Workload, ct))
            return new(attempt.Failed($"{reason}; the workload runs on {attempt.Source.Name}", attempt.Source), attempt.Workload);
        if (attempt.Transfer is not { } transfer)
            return attempt.Lost($"{reason}; it runs neither on {attempt.Source.Name} nor on {attempt.Destination.Name}; no checkpoint was made");
        var onSource = await attempt.DescribeImagesAsync(attempt.Source, transfer.DumpDirectory, ct);
        var onDestination = await attempt.DescribeImagesAsync(attempt.Destination, transfer.RestoreDirectory, ct);
        return attempt.Lost($"{reason}; it runs neither on {attempt.Source.Name} nor on {attempt.Destination.Name}; {onSource}; {onDestination}");
    }
}
