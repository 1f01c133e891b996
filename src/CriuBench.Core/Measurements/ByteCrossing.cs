namespace CriuBench.Measurements;

/// <summary>
/// When a strategy's bytes cross the link within the stop window, which decides its physical bound
/// (<see cref="PhysicalLimit"/>) and how its transfer time reads: a transfer step of a strategy
/// whose bytes cross inside the dump or the restore holds only part of the crossing.
/// </summary>
public enum ByteCrossing
{
    /// <summary>A serial copy between the dump and the restore (tar, tar-ssh, tar-zstd, rsync): the restore starts after the last byte.</summary>
    BetweenDumpAndRestore,

    /// <summary>The pages cross while the dump runs (a page server), the rest after it; the restore still starts after the last byte.</summary>
    InsideDump,

    /// <summary>A shared filesystem (sshfs, nfs): the dump writes across the link and the restore reads across it, so crossing and restore overlap.</summary>
    InsideDumpAndRestore,
}

/// <summary>How each strategy, by the name migrations.csv holds, moves its bytes (a test checks every registered strategy is here).</summary>
public static class ByteCrossings
{
    private static readonly Dictionary<string, ByteCrossing> Known = new(StringComparer.Ordinal)
    {
        ["tar"] = ByteCrossing.BetweenDumpAndRestore,
        ["tar-ssh"] = ByteCrossing.BetweenDumpAndRestore,
        ["tar-zstd"] = ByteCrossing.BetweenDumpAndRestore,
        ["rsync"] = ByteCrossing.BetweenDumpAndRestore,
        ["page-server"] = ByteCrossing.InsideDump,
        ["sshfs"] = ByteCrossing.InsideDumpAndRestore,
        ["shared"] = ByteCrossing.InsideDumpAndRestore, // sshfs's older name, in runs made before nfs existed
        ["nfs"] = ByteCrossing.InsideDumpAndRestore,
    };

    /// <summary>The strategies this table knows.</summary>
    public static IReadOnlyCollection<string> Strategies => Known.Keys;

    /// <summary>
    /// A strategy it does not know (a CSV from a newer version) is taken as overlapping the restore:
    /// its bound is then the larger of crossing and restore, which holds however it moves its bytes.
    /// </summary>
    public static ByteCrossing Of(string strategy) => Known.GetValueOrDefault(strategy, ByteCrossing.InsideDumpAndRestore);

    /// <summary>Whether the transfer step's time holds only part of the crossing (the rest is inside the checkpoint or the restore).</summary>
    public static bool CrossesInsideDumpOrRestore(string strategy) => Of(strategy) != ByteCrossing.BetweenDumpAndRestore;
}
