using CriuBench.Migration.Modes;
using CriuBench.Transfer;
using CriuBench.Vocabulary;

namespace CriuBench.Cli;

/// <summary>
/// Every strategy and mode in one line each, for `run --help`: the names come from the registries
/// the suite loader resolves against, so a new one without a line here fails a test, not a user.
/// </summary>
internal static class CatalogHelp
{
    public static readonly IReadOnlyDictionary<string, string> Strategies = new Dictionary<string, string>
    {
        ["tar"] = "tar the images, scp the archive, untar",
        ["tar-ssh"] = "one tar stream through ssh, no archive on disk",
        ["tar-zstd"] = "as tar-ssh, compressed with zstd -1",
        ["rsync"] = "rsync --archive over ssh",
        ["sshfs"] = "images on sshfs seen by both hosts (the dump writes them there)",
        [SshfsTransfer.OlderName] = "sshfs's older name",
        ["nfs"] = "images on kernel NFS (hosts whose kernel has NFS: --hosts vm or your own)",
        ["page-server"] = "memory pages stream to criu page-server during the dump",
    };

    public static readonly IReadOnlyDictionary<string, string> Modes = new Dictionary<string, string>
    {
        [ModeNames.Cold] = "stop, copy, restore",
        [ModeNames.PostCopy] = "restore first, pages fetched on demand (userfaultfd)",
        [ModeNames.PreCopy] = "CRIU pre-dump rounds while it runs (soft-dirty)",
        [ModeNames.Hybrid] = "one pre-copy round, then post-copy",
        [ModeNames.FilesPreCopy] = "a full dump copied while it runs, then only the changed blocks (rsync only)",
    };

    public static string StrategyList => List(TransferStrategies.Names, Strategies);

    public static string ModeList => List(MigrationModes.Names, Modes);

    /// <summary>"tar (what it does), sshfs (...)" in the registry's order.</summary>
    private static string List(IEnumerable<string> names, IReadOnlyDictionary<string, string> described) =>
        string.Join("; ", names.Select(name => described.TryGetValue(name, out var what) ? $"{name}: {what}" : name));
}
