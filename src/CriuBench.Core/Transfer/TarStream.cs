using System.Globalization;
using System.Text.RegularExpressions;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// Streams files from one host's directory into the same directory on another host through ssh,
/// with no archive on either disk: <c>tar -c | ssh HOST 'tar -x'</c>, run on the sending host; and
/// the receiving half (<c>[zstd -d |] tar -x</c>) that <see cref="ConnectedTarStream"/> shares. A pipeline needs a shell: the
/// sending side runs workloads/host/tar-to.sh, and every value (directory, members, ssh options) is
/// an argument, never part of a script. ssh joins
/// its remote arguments into one string for the receiving host's shell, so that half is built from
/// quoted words (<see cref="ShellQuoting.CommandLine"/>).
/// </summary>
internal static partial class TarStream
{
    private const string UnzstdScript = """set -o pipefail; zstd -q -d -c | tar -C "$1" -x""";

    /// <summary>Copies <paramref name="members"/> (relative to <paramref name="directory"/>) to the same place on <paramref name="to"/>.</summary>
    public static Command Plain(string directory, IReadOnlyList<string> members, SshAccess to) =>
        HostAssets.Script("tar-to.sh", [directory, to.Target, ShellQuoting.CommandLine(Receive(directory, compressed: false)),
            to.SshOptions.Count.ToString(CultureInfo.InvariantCulture), .. to.SshOptions, .. members]);

    /// <summary>The receiving half, run on the destination: unpacks the stream (decompressing it first if <paramref name="compressed"/>) into <paramref name="directory"/>.</summary>
    public static Command Receive(string directory, bool compressed) =>
        compressed ? Command.Of("bash", "-c", UnzstdScript, "_", directory) : Command.Of("tar", "-C", directory, "-x");

    /// <summary>The stream's size from tar's "Total bytes written: N" (a plain stream), or null if absent.</summary>
    public static long? TarTotalBytes(string stderr) => LastNumber(TarTotals(), stderr);

    /// <summary>The compressed stream's size from dd's "N bytes (...) copied" (a zstd stream), or null if absent.</summary>
    public static long? DdCopiedBytes(string stderr) => LastNumber(DdCopied(), stderr);

    private static long? LastNumber(Regex pattern, string text)
    {
        var matches = pattern.Matches(text);
        return matches.Count == 0 ? null : long.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^Total bytes written: (\d+)", RegexOptions.Multiline)]
    private static partial Regex TarTotals();

    [GeneratedRegex(@"^(\d+) bytes .*copied", RegexOptions.Multiline)]
    private static partial Regex DdCopied();
}
