using CriuBench.Criu;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Migration.PreCopy;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

/// <summary>How each strategy moves a pre-copy round, and keeps the chain at the same relative place on both hosts.</summary>
[Trait("Category", "Unit")]
public sealed class PreCopyRoundTransferTests
{
    private const string Round1 = TransferFakes.Images + ".it1";
    private const string Round2 = TransferFakes.Images + ".it2";

    private static TransferRequest RoundRequest(TransferFakes fakes, int round, IMigrationTransfer? parent = null) =>
        fakes.Request with { MigrationId = Rounds.RoundId(TransferFakes.MigrationId, round), Parent = parent };

    [Theory]
    [InlineData("rsync")]
    [InlineData("tar")]
    [InlineData("tar-ssh")]
    [InlineData("tar-zstd")]
    [InlineData("shared")]
    [InlineData("page-server")]
    public async Task Every_strategy_keeps_rounds_and_the_final_images_at_the_same_relative_place_on_both_hosts(string name)
    {
        var fakes = new TransferFakes();
        var strategy = (IPreCopyTransfer)TransferStrategies.Create(name);
        var first = await strategy.PrepareRoundAsync(RoundRequest(fakes, 1), default);
        var second = await strategy.PrepareRoundAsync(RoundRequest(fakes, 2, first), default);
        var final = await strategy.PrepareAsync(fakes.Request with { Parent = second }, default);

        Assert.Equal(RoundChain.ParentLink(second, first), Path.GetRelativePath(second.RestoreDirectory, first.RestoreDirectory));
        Assert.Equal(RoundChain.ParentLink(final, second), Path.GetRelativePath(final.RestoreDirectory, second.RestoreDirectory));
        Assert.StartsWith("../", RoundChain.ParentLink(final, second));
    }

    [Fact]
    public async Task An_rsync_round_moves_its_images_only_not_the_workload_s_files()
    {
        var fakes = new TransferFakes(sourceAnswer: command => command.Program == "rsync" ? (0, "Total bytes sent: 4096\n", "") : (0, "", ""));
        await using var round = await new RsyncTransfer().PrepareRoundAsync(RoundRequest(fakes, 1), default);
        fakes.SourceRunner.Commands.Clear();

        var moved = await round.TransferAsync(default);

        var copy = Assert.Single(fakes.SourceRunner.Commands);
        Assert.Equal($"{HostPaths.Disk}/./images/{TransferFakes.MigrationId}.it1", copy.Arguments[^2]);
        Assert.DoesNotContain(copy.Arguments, argument => argument.Contains("/work/"));
        Assert.Equal(4096, moved.BytesMoved);
        Assert.Equal(Round1, round.DumpDirectory);
        Assert.DoesNotContain(fakes.DestinationRunner.Commands, command => command.Arguments.Contains(TransferFakes.WorkDir));
    }

    [Fact]
    public async Task A_page_server_round_and_the_final_dump_each_get_a_page_server_that_knows_the_previous_round()
    {
        var fakes = new TransferFakes(destinationAnswer: command => command.Program == "find" ? (0, "pages-65537.img\t40960\npagemap-1.img\t64\n", "") : (0, "", ""));
        var strategy = new PageServerTransfer(port: 4321);
        var first = await strategy.PrepareRoundAsync(RoundRequest(fakes, 1), default);
        Assert.DoesNotContain("--prev-images-dir", LastPageServer(fakes).Arguments);

        var second = await strategy.PrepareRoundAsync(RoundRequest(fakes, 2, first), default);
        Assert.Equal(["--prev-images-dir", "../w1-x-r001.it1"], LastPageServer(fakes).Arguments.TakeLast(2));
        Assert.Equal(["--page-server", "--address", "198.18.0.2", "--port", "4321"], CriuOptions.Render(second.DumpArguments));

        await strategy.PrepareAsync(fakes.Request with { Parent = second }, default);
        Assert.Equal(["--prev-images-dir", "../w1-x-r001.it2"], LastPageServer(fakes).Arguments.TakeLast(2));

        fakes.SourceRunner.Commands.Clear();
        var moved = await second.TransferAsync(default);
        Assert.Equal(40960 + 64, moved.BytesMoved);
        Assert.Empty(fakes.SourceRunner.Commands); // a round's pages went during the pre-dump: nothing else moves
        Assert.Equal(Round2, second.RestoreDirectory);
    }

    private static Command LastPageServer(TransferFakes fakes) =>
        fakes.DestinationRunner.Commands.Last(command => command.Arguments.FirstOrDefault() == "page-server");
}
