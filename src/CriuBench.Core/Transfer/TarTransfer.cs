using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// What a user does by hand between two VMs: dump to local disk, tar the images and the
/// workload's files, copy the archive with scp over the link, untar, restore.
/// </summary>
public sealed class TarTransfer : IPreCopyTransfer
{
    public string Name => "tar";

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        var transfer = new Session(request, [RelativeToDisk(HostPaths.ImagesDirectory(request.MigrationId)), RelativeToDisk(request.WorkloadDirectory)]);
        await request.Source.MakeDirectoryAsync(transfer.DumpDirectory, ct);
        await request.Source.MakeDirectoryAsync(Outbox, ct);
        await request.Destination.MakeDirectoryAsync(Inbox, ct);
        // A copy left from an earlier visit of this workload would mix with the new one.
        await request.Destination.RemoveAsync(request.WorkloadDirectory, ct);
        await request.Destination.RemoveAsync(transfer.RestoreDirectory, ct);
        return transfer;
    }

    /// <summary>A pre-copy round: its images only, packed, copied and unpacked the same way.</summary>
    public async Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareRoundAsync(request, ct);
        await request.Source.MakeDirectoryAsync(Outbox, ct);
        await request.Destination.MakeDirectoryAsync(Inbox, ct);
        return new Session(request, LocalCheckpoint.RoundMembers(request));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private const string Outbox = HostPaths.Disk + "/outbox";
    private const string Inbox = HostPaths.Disk + "/inbox";

    private sealed class Session(TransferRequest request, IReadOnlyList<string> members) : IMigrationTransfer
    {
        private string Archive(string box) => $"{box}/{request.MigrationId}.tar";

        public string DumpDirectory => HostPaths.ImagesDirectory(request.MigrationId);
        public string RestoreDirectory => DumpDirectory;

        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var steps = new TimedSteps();
            await steps.RunAsync("pack", request.Source, Command.Of("tar", ["-C", HostPaths.Disk, "-cf", Archive(Outbox), .. members]), ct);
            var bytes = await request.Source.FileSizeAsync(Archive(Outbox), ct);
            var destination = request.Destination.Ssh;
            await steps.RunAsync("copy", request.Source, Command.Of("scp", [.. destination.ScpOptions, Archive(Outbox),
                $"{destination.Target}:{Archive(Inbox)}"]), ct);
            await steps.RunAsync("unpack", request.Destination, Command.Of("tar", "-C", HostPaths.Disk, "-xf", Archive(Inbox)), ct);
            return steps.Finish(bytes);
        }

        public async ValueTask DisposeAsync()
        {
            await request.Source.RemoveAsync(Archive(Outbox));
            await request.Destination.RemoveAsync(Archive(Inbox));
            await request.Source.RemoveAsync(DumpDirectory);
            await request.Destination.RemoveAsync(RestoreDirectory);
        }
    }

    internal static string RelativeToDisk(string path) =>
        path.StartsWith(HostPaths.Disk + "/", StringComparison.Ordinal)
            ? path[(HostPaths.Disk.Length + 1)..]
            : throw new ArgumentException($"{path} is not on the host's disk ({HostPaths.Disk})");
}
