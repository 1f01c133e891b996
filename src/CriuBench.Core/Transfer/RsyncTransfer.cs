using System.Globalization;
using System.Text.RegularExpressions;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// rsync over ssh copies the images and the workload's directory to the same paths on the
/// destination (<c>--relative</c> keeps the paths below the disk's <c>/./</c>). The destination
/// holds no earlier copy, so rsync sends whole files; its --stats give the bytes sent.
/// </summary>
public sealed partial class RsyncTransfer : IPreCopyTransfer
{
    public string Name => "rsync";

    public async Task<IMigrationTransfer> PrepareAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareAsync(request, ct);
        return new Session(request, LocalCheckpoint.Members(request));
    }

    public async Task<IMigrationTransfer> PrepareRoundAsync(TransferRequest request, CancellationToken ct)
    {
        await LocalCheckpoint.PrepareRoundAsync(request, ct);
        return new Session(request, LocalCheckpoint.RoundMembers(request));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static Command Copy(TransferRequest request) => Copy(request, LocalCheckpoint.Members(request));

    /// <summary>
    /// Where the destination already holds an earlier copy (files-precopy's first pass), rsync's
    /// delta algorithm sends only the changed blocks: 4 KiB blocks match CRIU's pages, and --delete
    /// drops files the newer checkpoint no longer has. Into an empty destination they change nothing.
    /// </summary>
    internal static Command Copy(TransferRequest request, IReadOnlyList<string> members)
    {
        var to = request.Destination.Ssh;
        // --ignore-times: a checkpoint rewritten within the same second at the same size (a small
        // workload's final dump over its first pass) would otherwise be skipped as unchanged.
        return Command.Of("rsync", ["--archive", "--relative", "--no-whole-file", "--block-size=4096", "--ignore-times", "--delete",
            "--stats", "--no-human-readable", "--rsh", RemoteShell(to),
            .. members.Select(member => $"{HostPaths.Disk}/./{member}"),
            $"{to.Target}:{HostPaths.Disk}/"]);
    }

    /// <summary>
    /// rsync takes its remote shell as ONE string (-e/--rsh) and splits it itself: the one place in
    /// the transfers where a command string is unavoidable. Its splitting is not a shell's: single
    /// quotes group, a doubled quote inside them is a literal quote, and backslashes are literal,
    /// so POSIX quoting's <c>'\''</c> would be wrong here.
    /// </summary>
    internal static string RemoteShell(SshAccess to) =>
        string.Join(' ', new[] { "ssh" }.Concat(to.SshOptions).Select(QuoteForRsync));

    private static string QuoteForRsync(string word) =>
        ShellQuoting.Quote(word) == word ? word : "'" + word.Replace("'", "''") + "'";

    /// <summary>"Total bytes sent: N" (digits may be grouped by commas in rsync's default output).</summary>
    internal static long? BytesSent(string stdout)
    {
        var match = TotalSent().Match(stdout);
        return match.Success ? long.Parse(match.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^Total bytes sent: ([\d,]+)", RegexOptions.Multiline)]
    private static partial Regex TotalSent();

    private sealed class Session(TransferRequest request, IReadOnlyList<string> members) : IMigrationTransfer
    {
        public string DumpDirectory => LocalCheckpoint.ImagesDirectory(request);
        public string RestoreDirectory => DumpDirectory;

        public async Task<TransferOutcome> TransferAsync(CancellationToken ct)
        {
            var steps = new TimedSteps();
            var copy = await steps.RunAsync("rsync", request.Source, Copy(request, members), ct);
            return steps.Finish(BytesSent(copy.StandardOutput));
        }

        public async ValueTask DisposeAsync() => await LocalCheckpoint.RemoveAsync(request);
    }
}
