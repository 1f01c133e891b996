using CriuBench.Preflight;
using CriuBench.Transfer;

namespace CriuBench.Migration;

/// <summary>
/// Stop and copy: checkpoint on the source (the workload stops), move the images, restore on the
/// destination. The stop window runs from the start of the checkpoint until the restore returns;
/// nothing of the harness's own bookkeeping runs inside it (the seam, the images' size and CRIU's
/// statistics are read after the restore).
/// </summary>
public sealed class ColdMode : IMigrationMode
{
    public string Name => MigrationModes.Cold;

    public Support Supports(Combination combination) => Support.Yes;

    public async Task<MigrationResult> RunAsync(MigrationAttempt attempt, CancellationToken ct)
    {
        var request = attempt.Request;
        var (source, destination) = (attempt.Source, attempt.Destination);

        IMigrationTransfer transfer;
        try
        {
            using (attempt.Step("prepare"))
                transfer = await request.Strategy.PrepareAsync(new TransferRequest(source, destination, request.MigrationId, attempt.Workload.Directory), ct);
        }
        catch (Exception e) when (MigrationAttempt.IsPhaseFailure(e))
        {
            return await attempt.NotStartedAsync($"preparing the {request.Strategy.Name} transfer failed: {e.Message}", ct);
        }

        return await StopAndCopy.RunAsync(attempt, transfer, transfer.DumpArguments, ct);
    }
}
