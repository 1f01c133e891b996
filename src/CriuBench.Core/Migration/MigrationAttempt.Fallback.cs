using CriuBench.Criu;
using CriuBench.Hosts;
using CriuBench.Workloads;

namespace CriuBench.Migration;

/// <summary>
/// Stop and copy's way back (<see cref="IFallback"/>), the attempt's own: after a failure from the
/// checkpoint on, the workload is restored on the source from the same images, unless it still runs there.
/// </summary>
public sealed partial class MigrationAttempt : IFallback
{
    /// <summary>
    /// The checkpoint failed: CRIU normally leaves the workload running. Where it does not (CRIU
    /// killed mid-dump), the images it wrote are the only way back.
    /// </summary>
    public async Task<MigrationResult> CheckpointFailedAsync(Exception error, CancellationToken ct)
    {
        var prepared = Prepared;
        await SaveLogAsync(Source, workDirectories?.Source ?? prepared.DumpDirectory, CriuLog.DumpLog);
        var reason = $"checkpoint failed: {error.Message}";
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
        {
            await DisposeQuietlyAsync(prepared);
            return new(Failed($"{reason}; the workload kept running on {Source.Name}", Source), Workload);
        }
        return await RestoreOnSourceAsync($"{reason}; the workload stopped on {Source.Name}", ct);
    }

    /// <summary>
    /// Restores on the source from the images the failed attempt made, and checks that it runs there.
    /// If the original still runs there (the checkpoint did not stop it, e.g. a dump option such as
    /// --leave-running), it is not restored a second time: exactly one copy keeps running.
    /// </summary>
    public async Task<MigrationResult> FallBackAsync(string reason, CancellationToken ct)
    {
        if (await WorkloadLiveness.IsProgressingAsync(Workload, ct))
        {
            await DisposeQuietlyAsync(Prepared);
            log.Warning($"{Request.MigrationId}: {reason}; the original still runs on {Source.Name}, so it was not restored a second time");
            return new(Failed($"{reason}; the checkpoint did not stop the workload: it kept running on {Source.Name} and was not restored a second time", Source), Workload);
        }
        return await RestoreOnSourceAsync(reason, ct);
    }

    /// <summary>The restored copy failed verification: it is stopped, and the workload restored on the source.</summary>
    public async Task<MigrationResult> RejectAsync(RunningWorkload copy, string problem, CancellationToken ct)
    {
        await DiscardRestoredAsync(ct);
        return await FallBackAsync($"{problem}; the copy restored on {Destination.Name} was stopped", ct);
    }

    private async Task<MigrationResult> RestoreOnSourceAsync(string reason, CancellationToken ct)
    {
        var prepared = Prepared;
        var images = prepared.DumpDirectory;
        // What is left of the original (gone after a dump; stuck where a dump died midway) must not
        // wake up beside the restored copy.
        await StopQuietlyAsync(Workload, ct);
        try
        {
            using (Step("fallback-restore", Source))
            {
                images = await prepared.ImagesForSourceRestoreAsync(ct);
                await MoveServiceAddressBackAsync(ct);
                var seam = await Workload.OutputHost.FileSizeAsync(Workload.OutputFile, ct) ?? 0;
                Seam = seam;
                var back = await Request.Engine.RestoreAsync(Source, Workload, images, ct);
                await ReleaseResetsAsync(ct);
                var continued = await OutputVerifier.WaitForContinuationAsync(back, seam, ct);
                var problem = !continued.Succeeded ? continued.Message
                    : !await WorkloadLiveness.IsProgressingAsync(back, ct) ? "it printed past the seam, then stopped growing"
                    : null;
                if (problem is not null)
                {
                    await StopQuietlyAsync(back, ct);
                    throw new InvalidOperationException($"restored on {Source.Name} but its output did not continue: {problem}");
                }
                await DisposeQuietlyAsync(prepared);
                log.Warning($"{Request.MigrationId}: {reason}; restored on {Source.Name} from the same images");
                return new(Failed($"{reason}; the workload was restored on {Source.Name}", Source), back);
            }
        }
        catch (Exception e) when (IsPhaseFailure(e))
        {
            await SaveLogAsync(Source, images, CriuLog.RestoreLog);
            // What the failed restore left on the source must not run on beside a row that says lost.
            try
            {
                var left = await HalfRestoredCopies.StopAsync(Source, [Workload.Directory, images], CancellationToken.None);
                if (left.Trees.Count > 0) reason = $"{reason}; {HalfRestoredCopies.Stopped(Source.Name)}";
            }
            catch (Exception stopping) when (IsPhaseFailure(stopping))
            {
                log.Warning($"{Request.MigrationId}: {stopping.Message}");
            }
            // The images are kept: they are all that is left of the workload. A copy the transfer
            // made on the destination may be intact where the source's failed: both are named.
            var onSource = await DescribeImagesAsync(Source, images, CancellationToken.None);
            var onDestination = await DescribeImagesAsync(Destination, prepared.RestoreDirectory, CancellationToken.None);
            return Lost($"{reason}; restoring on {Source.Name} failed too ({e.Message}): {onSource}; {onDestination}");
        }
    }
}
