using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;
using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

public sealed class StreamLab() : LabFixture("tcs");

/// <summary>
/// The stream whose ssh session is opened before the freeze, between the two hosts of a real lab:
/// it moves the files when started, sends nothing when told to stop, and fails, quickly and saying
/// why, when its session died before the seam or its pack failed. Nothing of it is left running.
/// </summary>
public sealed class ConnectedTarStreamTests(StreamLab fixture) : IClassFixture<StreamLab>
{
    private IHost Source => fixture.Lab.Source;
    private IHost Destination => fixture.Lab.Destination;

    [Theory(Timeout = 60_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Started_at_the_seam_it_moves_the_files_and_says_how_many_bytes_crossed(bool compressed)
    {
        var name = compressed ? "zstd" : "plain";
        await WriteFilesAsync(name);

        long? bytes;
        await using (var stream = await OpenAsync(name, compressed))
            bytes = await stream.SendAsync(default);

        Assert.Equal("one\n", await Destination.ReadTextAsync($"{HostPaths.Disk}/{name}/a"));
        Assert.Equal(300_000, await Destination.FileSizeAsync($"{HostPaths.Disk}/{name}/sub dir/b"));
        Assert.True(bytes > (compressed ? 0 : 300_000), $"bytes {bytes}");
        await AssertNothingLeftAsync(name);
    }

    [Fact(Timeout = 60_000)]
    public async Task Disposed_before_the_seam_it_sends_nothing_and_ends_its_session()
    {
        await WriteFilesAsync("unsent");

        await (await OpenAsync("unsent", compressed: false)).DisposeAsync();

        Assert.Null(await Destination.FileSizeAsync($"{HostPaths.Disk}/unsent/a"));
        await AssertNothingLeftAsync("unsent");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_session_that_died_before_the_seam_fails_the_send_at_once()
    {
        await WriteFilesAsync("died");
        await using var stream = await OpenAsync("died", compressed: false);
        await Source.RunCheckedAsync(Command.Of("pkill", "-KILL", "-f", "--", Fifo("died")));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => stream.SendAsync(default));

        Assert.Contains("no longer ready at the seam", error.Message);
        Assert.Null(await Destination.FileSizeAsync($"{HostPaths.Disk}/died/a"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pack_that_fails_fails_the_send_even_when_the_receiving_tar_is_content()
    {
        await WriteFilesAsync("missing");
        await using var stream = await ConnectedTarStream.OpenAsync(Source, Destination.Ssh, HostPaths.Disk, ["missing", "no-such-member"],
            compressed: false, Fifo("missing"), default);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => stream.SendAsync(default));

        Assert.Contains("no-such-member", error.Message);
    }

    private static string Fifo(string name) => $"{HostPaths.Disk}/outbox/tcs-{name}.stream";

    private Task<ConnectedTarStream> OpenAsync(string name, bool compressed) =>
        ConnectedTarStream.OpenAsync(Source, Destination.Ssh, HostPaths.Disk, [name], compressed, Fifo(name), default);

    private async Task WriteFilesAsync(string name)
    {
        await Destination.RemoveAsync($"{HostPaths.Disk}/{name}");
        await Source.RunCheckedAsync(Command.Of("bash", "-c",
            """mkdir -p "$1/sub dir" && echo one > "$1/a" && head -c 300000 /dev/urandom > "$1/sub dir/b" """, "_", $"{HostPaths.Disk}/{name}"));
    }

    /// <summary>No FIFO, and no process of the stream (its bash, ssh, tar) on either host.</summary>
    private async Task AssertNothingLeftAsync(string name)
    {
        Assert.Null(await Source.FileSizeAsync(Fifo(name)));
        var streams = LabProcesses.Streams(fixture.Lab);
        Assert.True(streams.Count == 0, string.Join("; ", streams));
    }
}
