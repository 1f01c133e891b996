using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public sealed class RsyncTransferTests
{
    [Fact]
    public async Task Transfer_rsyncs_both_directories_relative_to_the_disk_and_reports_bytes_sent()
    {
        var stats = "Number of files: 19\nTotal bytes sent: 67268153\nTotal bytes received: 317\n";
        var fakes = new TransferFakes(sourceAnswer: command => command.Program == "rsync" ? (0, stats, "") : (0, "", ""));
        await using var transfer = await new RsyncTransfer().PrepareAsync(fakes.Request, default);
        fakes.SourceRunner.Commands.Clear();

        var outcome = await transfer.TransferAsync(default);

        var copy = Assert.Single(fakes.SourceRunner.Commands);
        Assert.Equal(
            ["rsync", "--archive", "--relative", "--no-whole-file", "--block-size=4096", "--ignore-times", "--delete", "--stats", "--no-human-readable", "--rsh", RsyncTransfer.RemoteShell(fakes.Destination.Ssh),
                $"{HostPaths.Disk}/./images/{TransferFakes.MigrationId}", $"{HostPaths.Disk}/./work/w1", $"root@198.18.0.2:{HostPaths.Disk}/"],
            TransferFakes.Args(copy));
        Assert.Equal(67268153, outcome.BytesMoved);
    }

    [Fact]
    public void The_remote_shell_is_ssh_with_its_options_quoted_the_way_rsync_splits_them()
    {
        var access = new SshAccess("root", "198.18.0.2", 2222, "/keys/it's mine");

        var shell = RsyncTransfer.RemoteShell(access);

        Assert.Equal("ssh -i '/keys/it''s mine' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p 2222", shell);
    }

    [Fact]
    public void Bytes_sent_are_read_with_or_without_digit_grouping()
    {
        Assert.Equal(28719, RsyncTransfer.BytesSent("Total bytes sent: 28,719\n"));
        Assert.Equal(28719, RsyncTransfer.BytesSent("Total bytes sent: 28719\n"));
        Assert.Null(RsyncTransfer.BytesSent("rsync: connection unexpectedly closed\n"));
    }
}
