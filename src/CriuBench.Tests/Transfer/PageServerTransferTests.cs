using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public sealed class PageServerTransferTests
{
    private const string PidFile = TransferFakes.Images + "/page-server.pid";

    private static (int, string, string) DestinationWithPages(Command command) => command.Program switch
    {
        "find" => (0, "pagemap-1.img\t1280\npages-65537.img\t67215360\ncore-1.img\t2335\npage-server.log\t0\n", ""),
        _ => (0, "", ""),
    };

    [Fact]
    public async Task Prepare_starts_a_detached_page_server_on_the_destination_address_in_the_restore_directory()
    {
        var fakes = new TransferFakes();

        await using var transfer = await new PageServerTransfer(port: 4321).PrepareAsync(fakes.Request, default);

        Assert.Equal(
            ["criu", "page-server", "--images-dir", TransferFakes.Images, "--address", "198.18.0.2", "--port", "4321",
                "--daemon", "--pidfile", PidFile, "--log-file", "page-server.log"],
            TransferFakes.Args(fakes.DestinationRunner.Commands[^1]));
        Assert.Equal(["mkdir", "-p", TransferFakes.Images], TransferFakes.Args(fakes.DestinationRunner.Commands[^2]));
        Assert.Equal(TransferFakes.Images, transfer.RestoreDirectory);
    }

    [Fact]
    public async Task The_dump_sends_its_pages_to_the_page_server()
    {
        var fakes = new TransferFakes();

        await using var transfer = await new PageServerTransfer(port: 4321).PrepareAsync(fakes.Request, default);

        Assert.Equal(TransferFakes.Images, transfer.DumpDirectory);
        Assert.Equal(["--page-server", "--address", "198.18.0.2", "--port", "4321"], transfer.DumpArguments);
    }

    [Fact]
    public async Task Prepare_removes_what_it_made_when_the_page_server_does_not_start()
    {
        var fakes = new TransferFakes(destinationAnswer: command =>
            command.Arguments.FirstOrDefault() == "page-server" ? (1, "", "bind: Address already in use") : (0, "", ""));

        await Assert.ThrowsAsync<CommandFailedException>(() => new PageServerTransfer().PrepareAsync(fakes.Request, default));

        Assert.Equal(["rm", "-rf", "--one-file-system", TransferFakes.Images], TransferFakes.Args(fakes.SourceRunner.Commands[^1]));
        Assert.Equal(["rm", "-rf", "--one-file-system", TransferFakes.Images], TransferFakes.Args(fakes.DestinationRunner.Commands[^1]));
    }

    [Fact]
    public async Task Transfer_streams_the_rest_with_tar_and_counts_the_streamed_pages_as_moved_after_the_restore()
    {
        var fakes = new TransferFakes(
            sourceAnswer: command => TransferFakes.IsStream(command) ? TransferFakes.Stream("Total bytes written: 51200 (50KiB)\n") : (0, "", ""),
            destinationAnswer: DestinationWithPages);
        await using var transfer = await new PageServerTransfer().PrepareAsync(fakes.Request, default);
        // The rest's stream is opened before the freeze, after the page server.
        Assert.Equal(ConnectedTarStream.SendingCommand(TransferFakes.StreamFifo, HostPaths.Disk, ["images/" + TransferFakes.MigrationId, "work/w1"],
            compressed: false, fakes.Destination.Ssh).Arguments, fakes.SourceRunner.Commands[^1].Arguments);
        fakes.SourceRunner.Commands.Clear();

        fakes.DestinationRunner.Commands.Clear();
        var outcome = await transfer.TransferAsync(default);

        Assert.True(TransferFakes.IsSignal(Assert.Single(fakes.SourceRunner.Commands), "go"));
        Assert.Empty(fakes.DestinationRunner.Commands); // nothing counted while the workload is stopped
        Assert.Equal(51200, outcome.BytesMoved);
        Assert.Equal(51200 + 1280 + 67215360, (await transfer.CountAfterRestoreAsync(outcome, default)).BytesMoved);
    }

    [Fact]
    public async Task For_the_source_restore_the_destination_streams_the_page_images_back()
    {
        var fakes = new TransferFakes(destinationAnswer: DestinationWithPages);
        await using var transfer = await new PageServerTransfer().PrepareAsync(fakes.Request, default);
        fakes.DestinationRunner.Commands.Clear();

        var images = await transfer.ImagesForSourceRestoreAsync(default);

        Assert.Equal(TransferFakes.Images, images);
        Assert.Equal(TarStream.Plain(TransferFakes.Images, ["pagemap-1.img", "pages-65537.img"], fakes.Source.Ssh).Arguments,
            fakes.DestinationRunner.Commands[^1].Arguments);
        Assert.Empty(fakes.SourceRunner.Commands.Skip(4)); // the source only ran Prepare's commands (two removals, the stream's FIFO and session)
    }

    [Fact]
    public async Task Dispose_stops_the_page_server_before_removing_the_images()
    {
        var fakes = new TransferFakes();
        var transfer = await new PageServerTransfer().PrepareAsync(fakes.Request, default);
        fakes.DestinationRunner.Commands.Clear();

        await transfer.DisposeAsync();

        Assert.Equal(
            [["bash", "-c", PageServerTransfer.StopScript, "_", PidFile], ["rm", "-rf", "--one-file-system", TransferFakes.Images]],
            fakes.DestinationRunner.Commands.Select(TransferFakes.Args));
    }
}
