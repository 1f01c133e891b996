using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// runc command lines, each with the host's own state root. CRIU's logs and statistics go to the
/// images directory (--work-path there too), where the harness reads them for every engine, unless
/// a mode gives CRIU a work directory of its own (--work-dir, post-copy).
/// </summary>
public static class RuncCommands
{
    /// <summary>On the host's own disk: every host has its own runc state, as separate machines do.</summary>
    public const string StateRoot = HostPaths.Disk + "/runc-state";

    public static Command Run(string id, RuncBundle bundle) =>
        Runc("run", "--detach", "--bundle", bundle.Directory, id);

    public static Command Checkpoint(string id, string imagesDirectory, IReadOnlyList<string> criuArguments) =>
        Runc(["checkpoint", "--image-path", imagesDirectory, "--work-path", CriuBench.Criu.CriuCommands.LogDirectory(imagesDirectory, criuArguments),
            .. CheckpointOptions(criuArguments), id]);

    /// <summary>
    /// A pre-copy round. runc names CRIU's --prev-images-dir --parent-path and turns on memory
    /// tracking itself for a pre-dump or a parent; it writes CRIU's log as dump.log here too.
    /// </summary>
    public static Command PreDump(string id, string imagesDirectory, string? previousImages, IReadOnlyList<string> criuArguments) =>
        Runc(["checkpoint", "--pre-dump", "--image-path", imagesDirectory, "--work-path", imagesDirectory,
            .. CheckpointOptions([.. criuArguments, .. previousImages is null ? Array.Empty<string>() : ["--prev-images-dir", previousImages]]), id]);

    /// <summary>`runc restore`; of CRIU's restore arguments it passes on --lazy-pages, and --work-dir as its --work-path.</summary>
    public static Command Restore(string id, string imagesDirectory, RuncBundle bundle, IReadOnlyList<string>? criuArguments = null)
    {
        criuArguments ??= [];
        var options = new List<string>();
        for (var i = 0; i < criuArguments.Count; i++)
        {
            switch (criuArguments[i])
            {
                case "--lazy-pages":
                    options.Add("--lazy-pages");
                    break;
                case "--work-dir" when i + 1 < criuArguments.Count:
                    i++; // becomes --work-path below
                    break;
                default:
                    throw new NotSupportedException($"the runc engine cannot pass the CRIU restore argument '{criuArguments[i]}' through `runc restore`");
            }
        }
        return Runc(["restore", "--detach", "--image-path", imagesDirectory, "--work-path", CriuBench.Criu.CriuCommands.LogDirectory(imagesDirectory, criuArguments),
            .. options, "--bundle", bundle.Directory, id]);
    }

    /// <summary>
    /// <see cref="Restore"/> with the bundle's config.json written first in the same command (from
    /// standard input): this host's cgroups. One process fewer while the workload is stopped.
    /// </summary>
    /// <para>
    /// On a cgroup v2 host CRIU puts the restored tasks back into the cgroup they were dumped from
    /// (<paramref name="dumpedCgroup"/>, the source host's path), not the one runc made from
    /// config.json and keeps in its state: the next checkpoint would freeze that empty cgroup and
    /// fail on the running tasks ("Unseizable non-zombie ... state S", measured on the VM lab; the
    /// same as checkpoint-restore/criu#1034). So the same command (workloads/host/runc-restore.sh) moves
    /// them into runc's cgroup and removes the stray one, with shell builtins only. On cgroup v1 runc maps the paths itself.
    /// </para>
    public static Command RestoreWithConfig(string id, string imagesDirectory, RuncBundle bundle, string config,
        IReadOnlyList<string>? criuArguments = null, string? dumpedCgroup = null, string? cgroup = null) =>
        Restore(id, imagesDirectory, bundle, criuArguments)
            .RunBy(HostAssets.ScriptPath("runc-restore.sh"), bundle.ConfigFile, dumpedCgroup ?? "", cgroup ?? "") with { StandardInput = config };

    public static Command Delete(string id) => Runc("delete", "--force", id);

    /// <summary>The IDs of the host's containers, one a line.</summary>
    public static Command List() => Runc("list", "--quiet");

    /// <summary>
    /// `runc checkpoint` options for the CRIU dump arguments a workload or a transfer asks for.
    /// runc spells some the same and the page server differently; others it cannot pass on.
    /// </summary>
    public static IReadOnlyList<string> CheckpointOptions(IReadOnlyList<string> criuArguments)
    {
        var options = new List<string>();
        string? address = null, port = null;
        bool pageServer = false, lazy = false;
        for (var i = 0; i < criuArguments.Count; i++)
        {
            var argument = criuArguments[i];
            switch (argument)
            {
                case "--tcp-established" or "--ext-unix-sk" or "--shell-job" or "--file-locks" or "--leave-running":
                    options.Add(argument);
                    break;
                case "--track-mem":
                    break; // runc asks for it with --pre-dump and --parent-path
                case "--prev-images-dir" when i + 1 < criuArguments.Count:
                    options.AddRange(["--parent-path", criuArguments[++i]]);
                    break;
                case "--page-server":
                    pageServer = true;
                    break;
                case "--lazy-pages":
                    // The lazy page server listens on --page-server's address; runc's CRIU waits there until every page is served.
                    lazy = true;
                    options.Add(argument);
                    break;
                case "--work-dir" when i + 1 < criuArguments.Count:
                    i++; // runc's --work-path (see Checkpoint)
                    break;
                case "-v3" or "-v4":
                    break; // runc sets CRIU's log level itself (debug), which includes what -v3 adds
                case "--address" when i + 1 < criuArguments.Count:
                    address = criuArguments[++i];
                    break;
                case "--port" when i + 1 < criuArguments.Count:
                    port = criuArguments[++i];
                    break;
                default:
                    throw new NotSupportedException($"the runc engine cannot pass the CRIU dump argument '{argument}' through `runc checkpoint`");
            }
        }
        var serves = pageServer || lazy;
        if (serves != (address is not null) || serves != (port is not null))
            throw new NotSupportedException("a page server (or lazy page server) needs --address and --port, and those need --page-server or --lazy-pages");
        if (serves) options.AddRange(["--page-server", $"{address}:{port}"]);
        return options;
    }

    private static Command Runc(params IEnumerable<string> arguments) => Command.Of("runc", ["--root", StateRoot, .. arguments]);
}
