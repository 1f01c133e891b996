using CriuBench.Execution;

namespace CriuBench.Criu;

/// <summary>CRIU command lines for a process tree, as argument lists.</summary>
public static class CriuCommands
{
    /// <summary>
    /// The restored root's PID file, named per host: a fallback restore on the source may read the
    /// same images directory (a shared filesystem) after the destination's restore wrote its own,
    /// and CRIU refuses to overwrite a PID file.
    /// </summary>
    public static string RestorePidFile(string host) => $"restore-{host}.pid";

    /// <summary>Dumps the tree rooted at <paramref name="pid"/>; logs and stats-dump land in the images directory.</summary>
    public static Command Dump(int pid, string imagesDirectory, IEnumerable<CriuOption> options) =>
        Command.Of("criu", ["dump", "--tree", pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--images-dir", imagesDirectory, "--log-file", CriuLog.DumpLog, .. CriuOptions.Render(options)]);

    /// <summary>
    /// A page server that writes the pages one dump sends into <paramref name="imagesDirectory"/>,
    /// listening on <paramref name="address"/>:<paramref name="port"/>. With --daemon, criu returns
    /// once the socket listens (the server detaches with its stdio on /dev/null) and writes the
    /// server's PID to <paramref name="pidFile"/>; the server exits after the dump disconnects.
    /// </summary>
    /// <para>
    /// With <paramref name="previousImages"/> (relative to the images directory) it links that
    /// pre-copy round as `parent` and tells the dumping CRIU so: only changed pages are then sent.
    /// </para>
    public static Command PageServer(string imagesDirectory, string address, int port, string pidFile, string? previousImages = null) =>
        Command.Of("criu", ["page-server", "--images-dir", imagesDirectory, "--address", address,
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--daemon", "--pidfile", pidFile, "--log-file", PageServerLog,
            .. previousImages is null ? Array.Empty<string>() : ["--prev-images-dir", previousImages]]);

    /// <summary>
    /// A pre-copy round: the memory pages changed since <paramref name="previousImages"/> (all pages
    /// for the first round) while the tree keeps running. `pre-dump` enforces --track-mem itself
    /// (CRIU 3.17 and 4.x alike); it is passed anyway so the command line says what happens.
    /// </summary>
    public static Command PreDump(int pid, string imagesDirectory, string? previousImages, IEnumerable<CriuOption> options) =>
        Command.Of("criu", ["pre-dump", "--tree", pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--images-dir", imagesDirectory, "--log-file", CriuLog.PreDumpLog, .. CriuOptions.Render([.. Chained(previousImages), .. options])]);

    /// <summary>
    /// What makes a dump incremental: --track-mem (without it CRIU dumps every page even with a
    /// parent, mem.c's page_in_parent) and the parent directory, relative to the images directory so
    /// the `parent` link resolves wherever the chain is copied to.
    /// </summary>
    public static IReadOnlyList<CriuOption> Chained(string? previousImages) =>
        previousImages is null ? [new CriuOption.TrackMemory()] : [new CriuOption.TrackMemory(), new CriuOption.ParentImages(previousImages)];

    /// <summary>The dump option that sends the memory pages to a page server instead of the images directory.</summary>
    public static IReadOnlyList<CriuOption> ToPageServer(string address, int port) => [new CriuOption.PageServer(address, port)];

    public const string PageServerLog = "page-server.log";

    /// <summary>Restores detached (criu exits once the tree runs) and writes the new root PID to a file.</summary>
    public static Command Restore(string imagesDirectory, string host) =>
        Command.Of("criu", "restore", "--restore-detached", "--images-dir", imagesDirectory,
            "--log-file", CriuLog.RestoreLog, "--pidfile", RestorePidFilePath(imagesDirectory, host));

    public static string RestorePidFilePath(string imagesDirectory, string host) => $"{imagesDirectory}/{RestorePidFile(host)}";
}
