using CriuBench.Execution;

namespace CriuBench.Criu;

/// <summary>CRIU command lines for a process tree, as argument lists.</summary>
public static class CriuCommands
{
    public const string RestorePidFile = "restore.pid";

    /// <summary>Dumps the tree rooted at <paramref name="pid"/>; logs and stats-dump land in the images directory.</summary>
    public static Command Dump(int pid, string imagesDirectory, IEnumerable<string> extraArguments) =>
        Command.Of("criu", ["dump", "--tree", pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--images-dir", imagesDirectory, "--log-file", CriuLog.DumpLog, .. extraArguments]);

    /// <summary>Restores detached (criu exits once the tree runs) and writes the new root PID to a file.</summary>
    public static Command Restore(string imagesDirectory) =>
        Command.Of("criu", "restore", "--restore-detached", "--images-dir", imagesDirectory,
            "--log-file", CriuLog.RestoreLog, "--pidfile", $"{imagesDirectory}/{RestorePidFile}");
}
