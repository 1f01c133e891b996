using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// Memory pages cross the link during the checkpoint: the destination runs `criu page-server`
/// and `criu dump --page-server` on the source sends it the pages instead of writing them to
/// disk. After the dump only the small remaining images and the workload's directory move (tar
/// over ssh, its session opened before the freeze). If the migration fails after that, the pages are streamed back for the restore on
/// the source. The page server serves one dump and exits; disposing the transfer makes sure.
/// <para>
/// Pre-copy: every round AND the final dump go to a page server that knows the previous round
/// (`--prev-images-dir` on the destination): it answers CRIU's "do you have the parent?" and
/// keeps only the pages that changed. A final dump written locally after page-server rounds
/// would find no parent pages on the source and send all memory again (CRIU issue 2503), so that
/// combination is never made.
/// </para>
/// </summary>
public sealed class PageServerTransfer(int port = PageServerTransfer.DefaultPort) : IPreCopyTransfer
{
    /// <summary>Each lab host has its own network namespace, so one fixed port serves every migration.</summary>
    public const int DefaultPort = 27027;

    public string Name => "page-server";

    public Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct) =>
        StartAsync(request, round: false, ct);

    public Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct) =>
        StartAsync(request, round: true, ct);

    private async Task<IMigrationTransfer> StartAsync(TransferRequest request, bool round, CancellationToken ct)
    {
        var session = new Session(request, port, round);
        if (round) await LocalCheckpoint.PrepareRoundAsync(request, ct);
        else await LocalCheckpoint.PrepareAsync(request, ct);
        await request.Destination.MakeDirectoryAsync(session.RestoreDirectory, ct);
        try
        {
            await request.Destination.RunCheckedAsync(session.StartPageServer, ct);
            // What follows the pages after the dump: its ssh session is up before the freeze. A round moves pages only.
            if (!round)
                session.Rest = await ConnectedTarStream.OpenAsync(request.Source, request.Destination.Ssh, HostPaths.Disk,
                    LocalCheckpoint.Members(request), compressed: false, TarStreamTransfer.StreamFifo(request), ct);
        }
        catch
        {
            await session.DisposeAsync(); // the migration stops here and disposes nothing
            throw;
        }
        return session;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Kills the page server named in the PID file if that PID still is one in this host's network
    /// namespace (a finished one has exited, and hosts on one machine share PIDs), and waits until it is gone.
    /// </summary>
    public static Command StopPageServer(string pidFile) => HostAssets.Script("stop-page-server.sh", pidFile);

    private sealed class Session(TransferRequest request, int port, bool round) : IMigrationTransfer
    {
        public string DumpDirectory => LocalCheckpoint.ImagesDirectory(request);

        /// <summary>Where the page server writes the pages, and where the rest of the images join them.</summary>
        public string RestoreDirectory => DumpDirectory;

        private string PidFile => $"{RestoreDirectory}/page-server.pid";

        public Command StartPageServer =>
            CriuCommands.PageServer(RestoreDirectory, request.Destination.Ssh.Address, port, PidFile,
                request.Parent is { } parent ? Path.GetRelativePath(RestoreDirectory, parent.RestoreDirectory) : null);

        public IReadOnlyList<CriuOption> DumpArguments => CriuCommands.ToPageServer(request.Destination.Ssh.Address, port);

        /// <summary>Bytes moved: the pages the dump streamed (as the page server wrote them) plus the tar stream.</summary>
        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var steps = new TimedSteps();
            // The pages are all a round moves; a round runs while the workload does, so counting them costs nothing.
            if (round) return steps.Finish((await PageImagesAsync(ct)).Sum(file => file.Bytes));
            var rest = Rest ?? throw new InvalidOperationException("the stream of the remaining images was not opened");
            return steps.Finish(await steps.TimeAsync("stream", () => rest.SendAsync(ct)));
        }

        /// <summary>The pages the page server wrote, counted after the restore rather than while the workload waits.</summary>
        public async Task<TransferOutcome> CountAfterRestoreAsync(TransferOutcome moved, CancellationToken ct)
        {
            var pageBytes = (await PageImagesAsync(ct)).Sum(file => file.Bytes);
            return moved with { BytesMoved = moved.BytesMoved + pageBytes };
        }

        /// <summary>The pages went to the destination: stream them back next to the other images on the source.</summary>
        public async Task<string> ImagesForSourceRestoreAsync(CancellationToken ct)
        {
            var pages = (await PageImagesAsync(ct)).Select(file => file.Name).ToList();
            await request.Destination.RunCheckedAsync(TarStream.Plain(RestoreDirectory, pages, request.Source.Ssh), ct);
            return DumpDirectory;
        }

        /// <summary>What the page server wrote: pagemap-N.img (which pages) and pages-N.img (their contents).</summary>
        private async Task<IReadOnlyList<(string Name, long Bytes)>> PageImagesAsync(CancellationToken ct) =>
            (await request.Destination.ListFilesAsync(RestoreDirectory, ct))
                .Where(file => file.Name.EndsWith(".img", StringComparison.Ordinal)
                    && (file.Name.StartsWith("pages-", StringComparison.Ordinal) || file.Name.StartsWith("pagemap-", StringComparison.Ordinal)))
                .ToList();

        /// <summary>The tar stream of the images but the pages, and the workload's directory: opened before the freeze.</summary>
        public ConnectedTarStream? Rest { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Rest is { } rest) await rest.DisposeAsync();
            await request.Destination.RunCheckedAsync(StopPageServer(PidFile));
            await LocalCheckpoint.RemoveAsync(request);
        }
    }
}
