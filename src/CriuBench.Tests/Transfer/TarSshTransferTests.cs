using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

public sealed class TarSshTransferTests
{
    [Fact]
    public async Task Prepare_empties_the_images_directory_on_the_source_and_any_earlier_copy_on_the_destination()
    {
        var fakes = new TransferFakes();

        await using var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);

        Assert.Equal(TransferFakes.Images, transfer.DumpDirectory);
        Assert.Equal(TransferFakes.Images, transfer.RestoreDirectory);
        Assert.Empty(transfer.DumpArguments);
        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.Images], ["mkdir", "-p", TransferFakes.Images]],
            fakes.SourceRunner.Commands.Select(TransferFakes.Args));
        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.WorkDir], ["rm", "-rf", "--one-file-system", TransferFakes.Images]],
            fakes.DestinationRunner.Commands.Select(TransferFakes.Args));
    }

    [Fact]
    public async Task Transfer_streams_images_and_workload_directory_from_the_source_and_reports_tar_totals()
    {
        var fakes = new TransferFakes(sourceAnswer: command =>
            command.Program == "bash" ? (0, "", "Total bytes written: 67246080 (65MiB, 1GiB/s)\n") : (0, "", ""));
        await using var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);
        fakes.SourceRunner.Commands.Clear();

        var outcome = await transfer.TransferAsync(default);

        var stream = Assert.Single(fakes.SourceRunner.Commands);
        Assert.Equal(TarStream.Plain(HostPaths.Disk, ["images/" + TransferFakes.MigrationId, "work/w1"], fakes.Destination.Ssh).Arguments,
            stream.Arguments);
        Assert.Equal(67246080, outcome.BytesMoved);
        Assert.Equal(["stream"], outcome.Steps.Select(step => step.Name));
    }

    [Fact]
    public async Task Dispose_removes_the_images_on_both_hosts()
    {
        var fakes = new TransferFakes();
        var transfer = await new TarStreamTransfer(compressed: false).PrepareAsync(fakes.Request, default);
        fakes.SourceRunner.Commands.Clear();
        fakes.DestinationRunner.Commands.Clear();

        await transfer.DisposeAsync();

        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.Images]], fakes.SourceRunner.Commands.Select(TransferFakes.Args));
        Assert.Equal([["rm", "-rf", "--one-file-system", TransferFakes.Images]], fakes.DestinationRunner.Commands.Select(TransferFakes.Args));
    }
}
