using CriuBench.Logging;
using CriuBench.Timeline;

namespace CriuBench.Migration;

/// <summary>
/// Runs one migration in its mode. Whatever escapes the mode (a bug, an unforeseen failure between
/// phases) still ends as a true row: the workload is looked for where the attempt's phases left it.
/// </summary>
public sealed class MigrationDriver(ILog log, string? logDirectory = null, MigrationTimeline? timeline = null, bool keepLogs = false,
    IIterationLog? iterations = null, IClientTimelineLog? clientTimeline = null)
{
    public async Task<MigrationResult> RunAsync(MigrationRequest request, CancellationToken ct)
    {
        var attempt = new MigrationAttempt(request, log, logDirectory, timeline) { KeepLogs = keepLogs, Iterations = iterations ?? new MemoryIterationLog(),
            ClientTimeline = clientTimeline ?? new MemoryClientTimelineLog() };
        using var within = attempt.Timeline.Within(request.MigrationId);
        try
        {
            return await request.Mode.RunAsync(attempt, ct) with { Seam = attempt.Seam };
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.LocateAsync($"{request.Mode.Name} migration failed unexpectedly: {e.Message}", ct);
        }
        finally
        {
            // Whichever way the attempt ended, no host goes on holding back its TCP resets.
            await attempt.ReleaseResetsAsync(CancellationToken.None);
        }
    }
}
