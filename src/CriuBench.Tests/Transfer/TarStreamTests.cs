using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

public sealed class TarStreamTests
{
    private static readonly SshAccess To = new("root", "198.18.0.2", 22, "/keys/id");

    [Fact]
    public void A_plain_stream_runs_the_hosts_tar_to_script_with_every_value_as_an_argument()
    {
        var command = TarStream.Plain("/disk", ["images/m 1", "work/w1"], To);

        Assert.Equal(HostPaths.Assets + "/host/tar-to.sh", command.Program);
        Assert.Equal(
            ["/disk", "root@198.18.0.2", "tar -C /disk -x", To.SshOptions.Count.ToString(), .. To.SshOptions, "images/m 1", "work/w1"],
            command.Arguments);
    }

    [Fact]
    public void The_receiving_half_is_quoted_word_by_word_for_the_remote_shell()
    {
        var command = TarStream.Plain("/disk with 'quote'", ["a"], To);

        Assert.Equal("tar -C '/disk with '\\''quote'\\''' -x", command.Arguments[2]);
    }

    [Fact]
    public void A_zstd_stream_decompresses_in_a_fixed_script_on_the_destination()
    {
        var command = ConnectedTarStream.SendingCommand("/run/s.fifo", "/disk", ["images/m", "work/w1"], compressed: true, To);

        Assert.Equal(HostPaths.Assets + "/host/send-tar-stream.sh", command.Program);
        Assert.Equal(["/run/s.fifo", "/disk", "root@198.18.0.2"], command.Arguments.Take(3));
        Assert.Equal("1", command.Arguments[4]);
        // Written out, not rebuilt with the code under test: the exact line the remote shell receives.
        Assert.Equal("""bash -c 'set -o pipefail; zstd -q -d -c | tar -C "$1" -x' _ /disk""", ShellQuoting.CommandLine(TarStream.Receive("/disk", compressed: true)));
        Assert.EndsWith("""bash -c 'set -o pipefail; zstd -q -d -c | tar -C "$1" -x' _ /disk""", command.Arguments[3]);
        Assert.Equal(["images/m", "work/w1"], command.Arguments.TakeLast(2));
    }

    [Fact]
    public void The_stream_size_is_read_from_tar_totals()
    {
        Assert.Equal(268462080, TarStream.TarTotalBytes("ssh: warning\nTotal bytes written: 268462080 (257MiB, 1.1GiB/s)\n"));
        Assert.Null(TarStream.TarTotalBytes("tar: something failed\n"));
    }

    [Fact]
    public void The_compressed_size_is_read_from_dd()
    {
        var stderr = "0+4104 records in\n0+4104 records out\n2463100 bytes (2.5 MB, 2.3 MiB) copied, 0.45 s, 5.5 MB/s\n";
        Assert.Equal(2463100, TarStream.DdCopiedBytes(stderr));
        Assert.Null(TarStream.DdCopiedBytes(""));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_receiving_half_as_a_remote_shell_parses_it_unpacks_the_stream_into_an_awkward_directory(bool compressed)
    {
        // What ssh does with the receiving half: hand the one line to `sh -c` on the destination.
        using var from = new Support.TempDirectory();
        using var to = new Support.TempDirectory();
        var awkward = Path.Combine(to.Path, "dest with 'quote' and $HOME");
        Directory.CreateDirectory(awkward);
        Directory.CreateDirectory(Path.Combine(from.Path, "images", "m 1"));
        await File.WriteAllTextAsync(Path.Combine(from.Path, "images", "m 1", "pages-1.img"), "pages");
        var receive = ShellQuoting.CommandLine(TarStream.Receive(awkward, compressed));
        var pack = compressed ? "tar -C \"$1\" -c 'images/m 1' | zstd -q -c" : "tar -C \"$1\" -c 'images/m 1'";

        var result = await ProcessRunner.Instance.RunAsync(Command.Of("bash", "-c", $"set -o pipefail; {pack} | sh -c \"$2\"", "_", from.Path, receive));

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("pages", await File.ReadAllTextAsync(Path.Combine(awkward, "images", "m 1", "pages-1.img")));
    }
}
