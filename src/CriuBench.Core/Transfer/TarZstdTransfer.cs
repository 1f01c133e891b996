using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// As <see cref="TarSshTransfer"/>, with the stream compressed by zstd (level 1, all cores; see
/// <see cref="TarStream"/> for why) on the source and decompressed on the destination. Bytes moved
/// are the compressed bytes: what crosses the link.
/// </summary>
public sealed class TarZstdTransfer : ITransferStrategy
{
    public string Name => "tar-zstd";

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareAsync(request, ct);
        return new Session(request);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(TransferRequest request) : IMigrationTransfer
    {
        public string DumpDirectory => LocalCheckpoint.ImagesDirectory(request);
        public string RestoreDirectory => DumpDirectory;

        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var steps = new TimedSteps();
            var stream = await steps.RunAsync("stream", request.Source,
                TarStream.Zstd(HostPaths.Disk, LocalCheckpoint.Members(request), request.Destination.Ssh), ct);
            return steps.Finish(TarStream.DdCopiedBytes(stream.StandardError));
        }

        public async ValueTask DisposeAsync() => await LocalCheckpoint.RemoveAsync(request);
    }
}
