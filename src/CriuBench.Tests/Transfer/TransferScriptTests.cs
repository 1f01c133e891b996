using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

/// <summary>
/// The transfer scripts (workloads/host/), run for real with the commands the harness builds, and
/// tar, scp and ssh replaced by stand-ins on PATH that record what they were given.
/// </summary>
[Trait("Category", "Unit")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TransferScriptTests
{
    private static readonly SshAccess To = new("root", "198.18.0.2", 22, "/keys/id");

    /// <summary>The harness's command with its program taken from the repository instead of the host's assets.</summary>
    private static (string Script, IReadOnlyList<string> Arguments) Local(Command command)
    {
        Assert.StartsWith(HostPaths.Assets + "/host/", command.Program);
        return (Path.GetFileName(command.Program), command.Arguments);
    }

    [Fact(Timeout = 30_000)]
    public async Task Pack_and_copy_tars_the_members_of_the_disk_then_hands_the_archive_to_scp_with_its_options()
    {
        using var tools = new FakeTools();
        tools.Add("tar", "echo 'Total bytes written: 10240' >&2").Add("scp");
        var (script, arguments) = Local(TarTransfer.PackAndCopy("/d/outbox/m.tar", "root@198.18.0.2:/d/inbox/m.tar", ["-P", "22", "-i", "/keys/id"], ["images/m", "work/w 1"]));

        var result = await tools.RunAsync(script, arguments);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal([["--totals", "-C", HostPaths.Disk, "-cf", "/d/outbox/m.tar", "images/m", "work/w 1"]], tools.Calls("tar"));
        Assert.Equal([["-P", "22", "-i", "/keys/id", "/d/outbox/m.tar", "root@198.18.0.2:/d/inbox/m.tar"]], tools.Calls("scp"));
        Assert.Equal(10240, TarStream.TarTotalBytes(result.StandardError));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pack_that_fails_copies_nothing_and_fails_with_tar_s_exit_code()
    {
        using var tools = new FakeTools();
        tools.Add("tar", "exit 2").Add("scp");
        var (script, arguments) = Local(TarTransfer.PackAndCopy("/d/a.tar", "x:/d/a.tar", [], ["images/m"]));

        var result = await tools.RunAsync(script, arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(tools.Calls("scp"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_plain_stream_pipes_tar_into_ssh_which_gets_the_options_the_target_and_the_receiving_line()
    {
        using var tools = new FakeTools();
        tools.Add("tar", "printf 'the archive'").Add("ssh", $"cat > '{tools.File("received")}'");
        var (script, arguments) = Local(TarStream.Plain("/d/images/m", ["pages-1.img", "pagemap-1.img"], To));

        var result = await tools.RunAsync(script, arguments);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal([["-C", "/d/images/m", "--totals", "-c", "--", "pages-1.img", "pagemap-1.img"]], tools.Calls("tar"));
        Assert.Equal([[.. To.SshOptions, "root@198.18.0.2", "tar -C /d/images/m -x"]], tools.Calls("ssh"));
        Assert.Equal("the archive", File.ReadAllText(tools.File("received")));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_stream_whose_receiving_side_fails_fails()
    {
        using var tools = new FakeTools();
        tools.Add("tar", "printf x").Add("ssh", "cat > /dev/null; exit 255");
        var (script, arguments) = Local(TarStream.Plain("/d", ["a"], To));

        Assert.Equal(255, (await tools.RunAsync(script, arguments)).ExitCode);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_open_stream_sends_only_after_go_on_its_fifo(bool compressed)
    {
        using var tools = new FakeTools();
        tools.Add("tar", "printf 'the archive'").Add("zstd", "tr a-z A-Z").Add("dd", "cat")
            .Add("ssh", $"cat > '{tools.File("received")}'");
        var fifo = tools.File("stream.fifo");
        (await ProcessRunner.Instance.RunAsync(Command.Of("mkfifo", fifo))).EnsureSuccess();
        var (script, arguments) = Local(ConnectedTarStream.SendingCommand(fifo, "/d", ["images/m", "work/w1"], compressed, To));

        var sending = tools.RunAsync(script, arguments);
        await Task.Delay(100);
        Assert.False(sending.IsCompleted, "the stream ended before its signal");
        Assert.Empty(tools.Calls("tar"));
        await File.WriteAllTextAsync(fifo, "go\n");
        var result = await sending;

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal(compressed ? "THE ARCHIVE" : "the archive", File.ReadAllText(tools.File("received")));
        string[] packed = compressed ? ["-C", "/d", "-c", "--", "images/m", "work/w1"] : ["-C", "/d", "--totals", "-c", "--", "images/m", "work/w1"];
        Assert.Equal(packed, Assert.Single(tools.Calls("tar")));
        Assert.Equal([[.. To.SshOptions, "root@198.18.0.2", arguments[3]]], tools.Calls("ssh"));
        IReadOnlyList<string[]> compressions = compressed ? [["-q", "-1", "-T0", "-c"]] : [];
        Assert.Equal(compressions, tools.Calls("zstd"));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_open_stream_told_to_stop_sends_nothing_and_ends_cleanly()
    {
        using var tools = new FakeTools();
        tools.Add("tar", "printf 'the archive'").Add("ssh", $"cat > '{tools.File("received")}'");
        var fifo = tools.File("stream.fifo");
        (await ProcessRunner.Instance.RunAsync(Command.Of("mkfifo", fifo))).EnsureSuccess();
        var (script, arguments) = Local(ConnectedTarStream.SendingCommand(fifo, "/d", ["images/m"], compressed: false, To));

        var sending = tools.RunAsync(script, arguments);
        await File.WriteAllTextAsync(fifo, "stop\n");
        var result = await sending;

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Empty(tools.Calls("tar"));
        Assert.Equal("", File.ReadAllText(tools.File("received")));
    }
}
