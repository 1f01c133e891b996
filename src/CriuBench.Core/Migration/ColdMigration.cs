using System.Diagnostics;
using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Logging;
using CriuBench.Measurements;
using CriuBench.Transfer;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// A cold migration in four phases: checkpoint on the source, transfer, restore on the
/// destination, verify that the output continues. If any phase after the checkpoint fails,
/// the workload is restored on the source from the same images, so it keeps running somewhere,
/// and the row says where.
/// </summary>
public sealed class ColdMigration(ILog log, string? failureLogDirectory = null)
{
    public async Task<MigrationResult> RunAsync(MigrationRequest request, CancellationToken ct)
    {
        var workload = request.Workload;
        var (source, destination) = (workload.Host, request.Destination);
        var row = NewRecord(request);
        var total = Stopwatch.StartNew();

        IMigrationTransfer transfer;
        try
        {
            transfer = await request.Strategy.PrepareAsync(new TransferRequest(source, destination, request.MigrationId, workload.Directory), ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return new(Failed(row, $"preparing the {request.Strategy.Name} transfer failed: {e.Message}", source), workload);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await request.Engine.CheckpointAsync(workload, transfer.DumpDirectory, transfer.DumpArguments, ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(request, source, transfer.DumpDirectory, CriuLog.DumpLog);
            await transfer.DisposeAsync();
            return new(Failed(row, $"checkpoint failed, the workload kept running: {e.Message}", source), workload);
        }
        row = row with { CheckpointTimeMs = Ms(clock.Elapsed) };
        var seam = await source.FileSizeAsync(workload.OutputFile, ct)
            ?? throw new InvalidOperationException($"{workload.OutputFile} vanished on {source.Name} during the checkpoint");

        TransferOutcome moved;
        try
        {
            moved = await transfer.TransferAsync(ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            return await FallBackAsync(request, transfer, row, $"transfer failed: {e.Message}", ct);
        }
        var inventory = await ImageInventory.MeasureAsync(destination, transfer.RestoreDirectory, ct);
        row = row with
        {
            TransferTimeMs = Ms(moved.Duration), TransferredBytes = moved.BytesMoved,
            ImageBytes = inventory.ImageBytes, PageBytes = inventory.PageBytes,
        };

        if (workload.Spec.MinimumImageBytes is { } least && inventory.ImageBytes < least)
            return await FallBackAsync(request, transfer, row,
                $"the images hold {inventory.ImageBytes / 1048576.0:0.0} MiB, less than the {least / 1048576.0:0.0} MiB the workload holds", ct);

        var restoreClock = Stopwatch.StartNew();
        RunningWorkload restored;
        try
        {
            restored = await request.Engine.RestoreAsync(destination, workload, transfer.RestoreDirectory, ct);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(request, destination, transfer.RestoreDirectory, CriuLog.RestoreLog);
            return await FallBackAsync(request, transfer, row, $"restore failed: {e.Message}", ct);
        }
        row = row with { RestoreTimeMs = Ms(restoreClock.Elapsed), StopTimeMs = Ms(clock.Elapsed) };

        var seamAnalysis = await OutputVerifier.WaitForContinuationAsync(restored, seam, ct);
        if (!seamAnalysis.Succeeded)
        {
            await request.Engine.StopAsync(restored, ct);
            return await FallBackAsync(request, transfer, row, $"restored on {destination.Name} but its output did not continue: {seamAnalysis.Message}", ct);
        }

        var stats = await CriuStatistics.ReadAsync(destination, transfer.RestoreDirectory, ct);
        await transfer.DisposeAsync();
        row = stats.AddTo(row) with
        {
            Succeeded = true,
            WorkloadRunsOn = destination.Name,
            CounterGap = seamAnalysis.Report.CounterGap,
            AppDowntimeMs = seamAnalysis.Report.DowntimeMs,
            TotalTimeMs = Ms(total.Elapsed),
        };
        return new(row, restored);
    }

    /// <summary>Restores on the source from the images the failed attempt made, so the workload keeps running.</summary>
    private async Task<MigrationResult> FallBackAsync(MigrationRequest request, IMigrationTransfer transfer, MigrationRecord row, string reason, CancellationToken ct)
    {
        var source = request.Workload.Host;
        var images = transfer.DumpDirectory;
        try
        {
            images = await transfer.ImagesForSourceRestoreAsync(ct);
            var back = await request.Engine.RestoreAsync(source, request.Workload, images, ct);
            await transfer.DisposeAsync();
            log.Warning($"{request.MigrationId}: {reason}; restored on {source.Name} from the same images");
            return new(Failed(row, $"{reason}; the workload was restored on {source.Name}", source), back);
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(request, source, images, CriuLog.RestoreLog);
            // The images are kept: they are all that is left of the workload.
            var lost = $"{reason}; restoring on {source.Name} failed too ({e.Message}): the workload is not running; its images are kept in {images} on {source.Name}";
            log.Warning($"{request.MigrationId}: {lost}");
            return new(Failed(row, lost, null), null);
        }
    }

    private async Task SaveLogAsync(MigrationRequest request, IHost host, string directory, string logName)
    {
        if (failureLogDirectory is null) return;
        if (await host.TryReadTextAsync($"{directory}/{logName}") is not { } log) return;
        Directory.CreateDirectory(failureLogDirectory);
        await File.WriteAllTextAsync(Path.Combine(failureLogDirectory, $"{request.MigrationId}-{host.Name}-{logName}"), log);
    }

    /// <summary>
    /// Failures that end one migration, not the run: CRIU's, a command's, a time limit, or an
    /// engine refusing an option (docker takes no dump options, so no page server). The row
    /// records them and the workload is restored on the source where it was already dumped.
    /// </summary>
    private static bool IsPhaseFailure(Exception e) =>
        e is CriuFailedException or CommandFailedException or TimeoutException or NotSupportedException;

    private static MigrationRecord NewRecord(MigrationRequest request) => new()
    {
        RunId = request.RunId,
        Repetition = request.Repetition,
        Workload = request.Workload.Spec.Name,
        Engine = request.Engine.Name,
        Strategy = request.Strategy.Name,
        Source = request.Workload.Host.Name,
        Destination = request.Destination.Name,
        LinkRate = request.LinkRate,
        HostKind = request.Destination.Kind,
        Succeeded = false,
        WorkloadRunsOn = request.Workload.Host.Name,
    };

    private static MigrationRecord Failed(MigrationRecord row, string reason, IHost? runsOn) =>
        row with { Succeeded = false, FailureReason = reason, WorkloadRunsOn = runsOn?.Name ?? "nowhere (lost)" };

    private static double Ms(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);
}
