using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// tar piped straight through ssh: <c>tar -c images workdir | ssh dst tar -x</c>. Unlike
/// <see cref="TarTransfer"/> no archive is written or read on either disk, and packing, copying
/// and unpacking overlap.
/// </summary>
public sealed class TarSshTransfer : ITransferStrategy
{
    public string Name => "tar-ssh";

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
                TarStream.Plain(HostPaths.Disk, LocalCheckpoint.Members(request), request.Destination.Ssh), ct);
            return steps.Finish(TarStream.TarTotalBytes(stream.StandardError));
        }

        public async ValueTask DisposeAsync() => await LocalCheckpoint.RemoveAsync(request);
    }
}
