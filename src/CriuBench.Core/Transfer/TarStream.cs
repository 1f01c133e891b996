using System.Globalization;
using System.Text.RegularExpressions;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Transfer;

/// <summary>
/// Streams files from one host's directory into the same directory on another host through ssh,
/// with no archive on either disk: <c>tar -c | [zstd |] ssh HOST '[zstd -d |] tar -x'</c>, run on
/// the sending host. A pipeline needs a shell: each side runs a FIXED bash script, and every value
/// (directory, members, ssh options) is a positional argument, never part of the script. ssh joins
/// its remote arguments into one string for the receiving host's shell, so that half is built from
/// quoted words (<see cref="ShellQuoting.CommandLine"/>).
/// </summary>
internal static partial class TarStream
{
    // Positional arguments of both sending scripts: $1 directory, $2 ssh target, $3 the receiving
    // command line, $4 how many ssh options follow, then the ssh options, then the tar members.
    private const string Arguments = """
        set -o pipefail
        export LC_ALL=C
        dir=$1 target=$2 remote=$3 n=$4
        shift 4
        """;

    /// <summary>tar's --totals prints the bytes it wrote to the stream on stderr: counted for free.</summary>
    private const string PlainScript = Arguments + """

        tar -C "$dir" --totals -c -- "${@:n+1}" | ssh "${@:1:n}" "$target" "$remote"
        """;

    /// <summary>
    /// zstd -1 -T0: the fastest regular level on every core. Pages are either random (no level
    /// shrinks them, so effort is wasted) or repetitive (level 1 already shrinks them ~100x), and
    /// compression runs while the workload is stopped, so speed matters more than the last percent.
    /// dd counts the compressed bytes, which are what crosses the link (one more pipe copy).
    /// </summary>
    private const string ZstdScript = Arguments + """

        tar -C "$dir" -c -- "${@:n+1}" | zstd -q -1 -T0 -c | dd bs=1M | ssh "${@:1:n}" "$target" "$remote"
        """;

    private const string UnzstdScript = """set -o pipefail; zstd -q -d -c | tar -C "$1" -x""";

    /// <summary>Copies <paramref name="members"/> (relative to <paramref name="directory"/>) to the same place on <paramref name="to"/>.</summary>
    public static Command Plain(string directory, IReadOnlyList<string> members, SshAccess to) =>
        Script(PlainScript, directory, members, to, Command.Of("tar", "-C", directory, "-x"));

    /// <summary>As <see cref="Plain"/>, compressed with zstd on the link.</summary>
    public static Command Zstd(string directory, IReadOnlyList<string> members, SshAccess to) =>
        Script(ZstdScript, directory, members, to, Command.Of("bash", "-c", UnzstdScript, "_", directory));

    private static Command Script(string script, string directory, IReadOnlyList<string> members, SshAccess to, Command receive) =>
        Command.Of("bash", ["-c", script, "_", directory, to.Target, ShellQuoting.CommandLine(receive),
            to.SshOptions.Count.ToString(CultureInfo.InvariantCulture), .. to.SshOptions, .. members]);

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
