using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

public sealed class TarZstdTransferTests
{
    [Fact]
    public async Task Transfer_streams_compressed_and_reports_the_compressed_bytes()
    {
        var fakes = new TransferFakes(sourceAnswer: command => command.Program == "bash"
            ? (0, "", "0+10 records in\n0+10 records out\n2463100 bytes (2.5 MB, 2.3 MiB) copied, 0.4 s, 6 MB/s\n")
            : (0, "", ""));
        await using var transfer = await new TarStreamTransfer(compressed: true).PrepareAsync(fakes.Request, default);
        fakes.SourceRunner.Commands.Clear();

        var outcome = await transfer.TransferAsync(default);

        var stream = Assert.Single(fakes.SourceRunner.Commands);
        Assert.Equal(TarStream.Zstd(HostPaths.Disk, ["images/" + TransferFakes.MigrationId, "work/w1"], fakes.Destination.Ssh).Arguments,
            stream.Arguments);
        Assert.Equal(2463100, outcome.BytesMoved);
        Assert.Empty(fakes.DestinationRunner.Commands.Skip(2)); // only Prepare's two removals
    }
}
