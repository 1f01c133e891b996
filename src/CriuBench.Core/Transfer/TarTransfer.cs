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
            var destination = request.Destination.Ssh;
            // Pack and copy are one command on the source, as a user types `tar ... && scp ...`: one
            // process start and namespace entry less inside the stop window; the host times each.
            var sent = await steps.RunAsync(["pack", "copy"], request.Source,
                PackAndCopy(Archive(Outbox), $"{destination.Target}:{Archive(Inbox)}", destination.ScpOptions, members), HostTimes.Split, ct);
            // tar says the archive's size itself (--totals): no stat of it while the workload is stopped.
            var bytes = TarStream.TarTotalBytes(sent.StandardError);
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

    /// <summary>
    /// tar, then scp, in one shell on the source (workloads/host/pack-and-copy.sh), which becomes scp
    /// (exec) as a user's `tar && scp` line does: no fork and wait for it. Prints the host's clock
    /// before the pack and between the two, for <see cref="HostTimes.Split"/>; the copy is the rest.
    /// </summary>
    public static Command PackAndCopy(string archive, string target, IReadOnlyList<string> scpOptions, IReadOnlyList<string> members) =>
        HostAssets.Script("pack-and-copy.sh", [HostPaths.Disk, archive, target,
            scpOptions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. scpOptions, .. members]);

    internal static string RelativeToDisk(string path) =>
        path.StartsWith(HostPaths.Disk + "/", StringComparison.Ordinal)
            ? path[(HostPaths.Disk.Length + 1)..]
            : throw new ArgumentException($"{path} is not on the host's disk ({HostPaths.Disk})");
}
