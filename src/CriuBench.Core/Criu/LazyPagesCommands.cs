using System.Globalization;
using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Criu;

/// <summary>
/// CRIU command lines of a post-copy (lazy pages) migration. Each CRIU process gets a work
/// directory of its own, outside the images directory: the lazy dump keeps writing its log while
/// the page-less images are copied, and the lazy-pages daemon and the restore meet through the
/// socket CRIU puts there (they must share it).
/// </summary>
public static class LazyPagesCommands
{
    /// <summary>The lazy page server's port on the source (each lab host has its own network namespace).</summary>
    public const int Port = 27028;

    /// <summary>Bytes per page of the pages the logs count (x86_64).</summary>
    public const long PageBytes = 4096;

    public const string DaemonLog = "lazy-pages.log";

    /// <summary>What the lazy dump writes to its log (at -v3 and above) once the page-less images are complete and it serves pages.</summary>
    public const string ServingMarker = "Starting lazy pages server";

    /// <summary>The socket the lazy-pages daemon listens on in its work directory; the restore connects to it.</summary>
    public const string Socket = "lazy-pages.socket";

    /// <summary>
    /// `criu dump` options: keep the pages in the frozen source and serve them on
    /// <paramref name="address"/>:<paramref name="port"/>. -v3 makes CRIU log <see cref="ServingMarker"/>
    /// and how many pages are lazy; the default level logs neither.
    /// </summary>
    public static IReadOnlyList<CriuOption> DumpArguments(string address, int port, string workDirectory) =>
        [new CriuOption.LazyDump(address, port), new CriuOption.WorkDirectory(workDirectory), new CriuOption.LogLevel(3)];

    /// <summary>`criu restore` options: the memory comes from the lazy-pages daemon sharing <paramref name="workDirectory"/>.</summary>
    public static IReadOnlyList<CriuOption> RestoreArguments(string workDirectory) =>
        [new CriuOption.LazyRestore(), new CriuOption.WorkDirectory(workDirectory)];

    /// <summary>
    /// The destination's lazy-pages daemon: fetches the pages from the source's lazy page server as
    /// the restored tasks fault on them, then the rest in the background, and exits once every page
    /// arrived. -v4 makes it log "UFFD transferred pages: (N/M)". Wrapped so that its last line is
    /// the host's clock when it ended (see <see cref="EndedAt"/>): the workload's timestamps are
    /// read against that clock, not the controller's.
    /// </summary>
    public static Command Daemon(string imagesDirectory, string workDirectory, string sourceAddress, int port) =>
        Command.Of("bash", "-c", EndClockScript, "lazy-pages",
            "criu", "lazy-pages", "--page-server", "--address", sourceAddress, "--port", Number(port),
            "--images-dir", imagesDirectory, "--work-dir", workDirectory, "--log-file", DaemonLog, "-v4");

    private const string EndedPrefix = "criubench-ended-unix-ns=";

    private const string EndClockScript = "\"$@\"; status=$?; echo \"" + EndedPrefix + "$(date +%s%N)\"; exit $status";

    /// <summary>The host's clock (Unix ns) when the wrapped daemon ended, from its standard output; null if it is missing.</summary>
    public static long? EndedAt(string standardOutput)
    {
        foreach (var line in standardOutput.Split('\n'))
            if (line.StartsWith(EndedPrefix, StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(EndedPrefix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ns))
                return ns;
        return null;
    }

    /// <summary>Returns once <paramref name="log"/> holds <paramref name="text"/> (polls every 10 ms on the host: one process, no round trip per poll).</summary>
    public static Command WaitForLogLine(string log, string text, TimeSpan limit) =>
        Command.Of("bash", "-c", "until grep -qsF -- \"$2\" \"$1\"; do sleep 0.01; done", "wait-for-log", log, text).WithTimeout(limit);

    /// <summary>Returns once <paramref name="path"/> is a socket.</summary>
    public static Command WaitForSocket(string path, TimeSpan limit) =>
        Command.Of("bash", "-c", "until [ -S \"$1\" ]; do sleep 0.01; done", "wait-for-socket", path).WithTimeout(limit);

    /// <summary>
    /// Stops the CRIU (or runc, with its CRIU child) process of this migration whose command line
    /// holds <c>$1</c>, its work directory (unique to the migration), in this host's network
    /// namespace, and waits until it is gone.
    /// Killing a lazy dump before it served every page lets the frozen source run on (ptrace detaches).
    /// </summary>
    public static Command Stop(string workDirectory) => HostAssets.Script("stop-criu.sh", workDirectory);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
