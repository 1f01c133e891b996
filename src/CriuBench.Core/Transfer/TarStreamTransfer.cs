using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// tar piped straight through ssh: <c>tar -c images workdir | ssh dst tar -x</c>. Unlike
/// <see cref="TarTransfer"/> no archive is written or read on either disk, and packing, copying
/// and unpacking overlap. The ssh session and the receiving tar are started before the freeze
/// (<see cref="ConnectedTarStream"/>), so the stop window holds the stream alone. Compressed
/// (tar-zstd), the stream goes through zstd (level 1, all cores; see <see cref="ConnectedTarStream"/> for
/// why) and the bytes moved are the compressed ones: what crosses the link.
/// </summary>
public sealed class TarStreamTransfer(bool compressed) : IPreCopyTransfer
{
    public string Name => compressed ? "tar-zstd" : "tar-ssh";

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareAsync(request, ct);
        return await Session.OpenAsync(request, compressed, LocalCheckpoint.Members(request), ct);
    }

    public async Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareRoundAsync(request, ct);
        return await Session.OpenAsync(request, compressed, LocalCheckpoint.RoundMembers(request), ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(TransferRequest request, ConnectedTarStream stream) : IMigrationTransfer
    {
        public static async Task<IMigrationTransfer> OpenAsync(TransferRequest request, bool compressed, IReadOnlyList<string> members, CancellationToken ct)
        {
            try
            {
                return new Session(request, await ConnectedTarStream.OpenAsync(request.Source, request.Destination.Ssh, HostPaths.Disk, members,
                    compressed, StreamFifo(request), ct));
            }
            catch
            {
                await LocalCheckpoint.RemoveAsync(request); // the migration stops here and disposes nothing
                throw;
            }
        }

        public string DumpDirectory => LocalCheckpoint.ImagesDirectory(request);
        public string RestoreDirectory => DumpDirectory;

        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var steps = new TimedSteps();
            var bytes = await steps.TimeAsync("stream", () => stream.SendAsync(ct));
            return steps.Finish(bytes);
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            await LocalCheckpoint.RemoveAsync(request);
        }
    }

    /// <summary>Where the source's end of a migration's stream waits for its start: named by the migration (or round).</summary>
    internal static string StreamFifo(TransferRequest request) => $"{HostPaths.Disk}/outbox/{request.MigrationId}.stream";
}
