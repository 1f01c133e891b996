using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// tar piped straight through ssh: <c>tar -c images workdir | ssh dst tar -x</c>. Unlike
/// <see cref="TarTransfer"/> no archive is written or read on either disk, and packing, copying
/// and unpacking overlap. Compressed (tar-zstd), the stream goes through zstd (level 1, all cores;
/// see <see cref="TarStream"/> for why) and the bytes moved are the compressed ones: what crosses the link.
/// </summary>
public sealed class TarStreamTransfer(bool compressed) : IPreCopyTransfer
{
    public string Name => compressed ? "tar-zstd" : "tar-ssh";

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareAsync(request, ct);
        return new Session(request, compressed, LocalCheckpoint.Members(request));
    }

    public async Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareRoundAsync(request, ct);
        return new Session(request, compressed, LocalCheckpoint.RoundMembers(request));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(TransferRequest request, bool compressed, IReadOnlyList<string> members) : IMigrationTransfer
    {
        public string DumpDirectory => LocalCheckpoint.ImagesDirectory(request);
        public string RestoreDirectory => DumpDirectory;

        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var pipeline = compressed
                ? TarStream.Zstd(HostPaths.Disk, members, request.Destination.Ssh)
                : TarStream.Plain(HostPaths.Disk, members, request.Destination.Ssh);
            var steps = new TimedSteps();
            var stream = await steps.RunAsync("stream", request.Source, pipeline, ct);
            return steps.Finish(compressed ? TarStream.DdCopiedBytes(stream.StandardError) : TarStream.TarTotalBytes(stream.StandardError));
        }

        public async ValueTask DisposeAsync() => await LocalCheckpoint.RemoveAsync(request);
    }
}
