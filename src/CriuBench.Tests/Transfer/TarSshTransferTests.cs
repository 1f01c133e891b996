using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public sealed class TarSshTransferTests
{
    private static readonly string[] Members = ["images/" + TransferFakes.MigrationId, "work/w1"];

    [Fact]
    public async Task Prepare_empties_the_images_directory_on_the_source_and_any_earlier_copy_on_the_destination_then_opens_the_stream()
    {
        var fakes = new TransferFakes();

        await using var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);

        Assert.Equal(TransferFakes.Images, transfer.DumpDirectory);
        Assert.Equal(TransferFakes.Images, transfer.RestoreDirectory);
        Assert.Empty(transfer.DumpArguments);
        var source = fakes.SourceRunner.Commands;
        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.Images], ["mkdir", "-p", TransferFakes.Images]],
            source.Take(2).Select(TransferFakes.Args));
        Assert.Equal(["bash", "-c", "_", TransferFakes.StreamFifo], TransferFakes.Args(source[2]).Where((_, i) => i != 2));
        Assert.Equal(ConnectedTarStream.SendingCommand(TransferFakes.StreamFifo, HostPaths.Disk, Members, compressed: false, fakes.Destination.Ssh).Arguments, source[3].Arguments);
        Assert.Equal(4, source.Count);
        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.WorkDir], ["rm", "-rf", "--one-file-system", TransferFakes.Images]],
            fakes.DestinationRunner.Commands.Select(TransferFakes.Args));
    }

    [Fact]
    public async Task Transfer_starts_the_open_stream_with_one_command_and_reports_tar_totals()
    {
        var fakes = new TransferFakes(sourceAnswer: command =>
            TransferFakes.IsStream(command) ? TransferFakes.Stream("Total bytes written: 67246080 (65MiB, 1GiB/s)\n") : (0, "", ""));
        await using var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);
        fakes.SourceRunner.Commands.Clear();

        var outcome = await transfer.TransferAsync(default);

        Assert.True(TransferFakes.IsSignal(Assert.Single(fakes.SourceRunner.Commands), "go"));
        Assert.Equal(67246080, outcome.BytesMoved);
        Assert.Equal(["stream"], outcome.Steps.Select(step => step.Name));
    }

    [Fact]
    public async Task A_stream_whose_session_failed_fails_the_transfer_with_what_ssh_said()
    {
        var fakes = new TransferFakes(sourceAnswer: command =>
            TransferFakes.IsStream(command) ? (255, "ready\n", "Connection to 198.18.0.2 closed by remote host.") : (0, "", ""));
        await using var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => transfer.TransferAsync(default));

        Assert.Contains("closed by remote host", error.Message);
    }

    [Fact]
    public async Task Prepare_fails_and_removes_the_images_when_the_session_ends_before_it_is_ready()
    {
        var fakes = new TransferFakes(sourceAnswer: command =>
            TransferFakes.IsStream(command) ? (255, "", "Host key verification failed.") : (0, "", ""));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default));

        Assert.Contains("ended before its tar was ready (exit 255): Host key verification failed.", error.Message);
        Assert.Equal(["rm", "-rf", "--one-file-system", TransferFakes.Images], TransferFakes.Args(fakes.SourceRunner.Commands[^1]));
        Assert.Equal(["rm", "-rf", "--one-file-system", TransferFakes.Images], TransferFakes.Args(fakes.DestinationRunner.Commands[^1]));
    }

    [Fact]
    public async Task Dispose_removes_the_stream_and_the_images_on_both_hosts()
    {
        var fakes = new TransferFakes();
        var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);
        fakes.SourceRunner.Commands.Clear();
        fakes.DestinationRunner.Commands.Clear();

        await transfer.DisposeAsync();

        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.StreamFifo], ["rm", "-rf", "--one-file-system", TransferFakes.Images]],
            fakes.SourceRunner.Commands.Select(TransferFakes.Args));
        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.Images]], fakes.DestinationRunner.Commands.Select(TransferFakes.Args));
    }
}
