using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public sealed class TarZstdTransferTests
{
    [Fact]
    public async Task Transfer_streams_compressed_and_reports_the_compressed_bytes()
    {
        var fakes = new TransferFakes(sourceAnswer: command => TransferFakes.IsStream(command)
            ? TransferFakes.Stream("0+10 records in\n0+10 records out\n2463100 bytes (2.5 MB, 2.3 MiB) copied, 0.4 s, 6 MB/s\n")
            : (0, "", ""));
        await using var transfer = await new TarStreamTransfer(compressed: true).PrepareAsync(fakes.Request, default);
        Assert.Equal(ConnectedTarStream.SendingCommand(TransferFakes.StreamFifo, HostPaths.Disk, ["images/" + TransferFakes.MigrationId, "work/w1"],
            compressed: true, fakes.Destination.Ssh).Arguments, fakes.SourceRunner.Commands[^1].Arguments);
        fakes.SourceRunner.Commands.Clear();

        var outcome = await transfer.TransferAsync(default);

        Assert.True(TransferFakes.IsSignal(Assert.Single(fakes.SourceRunner.Commands), "go"));
        Assert.Equal(2463100, outcome.BytesMoved);
        Assert.Empty(fakes.DestinationRunner.Commands.Skip(2)); // only Prepare's two removals
    }
}
