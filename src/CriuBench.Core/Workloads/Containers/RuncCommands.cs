using CriuBench.Criu;
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

    public static Command Checkpoint(string id, string imagesDirectory, IReadOnlyList<CriuOption> options) =>
        Runc(["checkpoint", "--image-path", imagesDirectory, "--work-path", CriuOptions.LogDirectory(imagesDirectory, options),
            .. CheckpointOptions(options), id]);

    /// <summary>
    /// A pre-copy round. runc names CRIU's --prev-images-dir --parent-path and turns on memory
    /// tracking itself for a pre-dump or a parent; it writes CRIU's log as dump.log here too.
    /// </summary>
    public static Command PreDump(string id, string imagesDirectory, string? previousImages, IReadOnlyList<CriuOption> options) =>
        Runc(["checkpoint", "--pre-dump", "--image-path", imagesDirectory, "--work-path", imagesDirectory,
            .. CheckpointOptions([.. options, .. previousImages is null ? Array.Empty<CriuOption>() : [new CriuOption.ParentImages(previousImages)]]), id]);

    /// <summary>`runc restore`; of CRIU's restore options it passes on lazy pages, and the work directory as its --work-path.</summary>
    public static Command Restore(string id, string imagesDirectory, RuncBundle bundle, IReadOnlyList<CriuOption>? options = null)
    {
        options ??= [];
        var flags = new List<string>();
        foreach (var option in options)
        {
            switch (option)
            {
                case CriuOption.LazyRestore:
                    flags.Add("--lazy-pages");
                    break;
                case CriuOption.TcpEstablished:
                    flags.Add("--tcp-established");
                    break;
                case CriuOption.WorkDirectory:
                    break; // becomes --work-path below
                default:
                    throw new NotSupportedException($"the runc engine cannot pass the CRIU restore option '{CriuOptions.Describe([option])}' through `runc restore`");
            }
        }
        return Runc(["restore", "--detach", "--image-path", imagesDirectory, "--work-path", CriuOptions.LogDirectory(imagesDirectory, options),
            .. flags, "--bundle", bundle.Directory, id]);
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
        IReadOnlyList<CriuOption>? options = null, string? dumpedCgroup = null, string? cgroup = null) =>
        Restore(id, imagesDirectory, bundle, options)
            .RunBy(HostAssets.ScriptPath("runc-restore.sh"), bundle.ConfigFile, dumpedCgroup ?? "", cgroup ?? "") with { StandardInput = config };

    public static Command Delete(string id) => Runc("delete", "--force", id);

    /// <summary>The IDs of the host's containers, one a line.</summary>
    public static Command List() => Runc("list", "--quiet");

    /// <summary>The criu_dump_args `runc checkpoint` passes on: it spells these as CRIU does (the suite refuses others when it loads).</summary>
    public static IReadOnlyList<string> PassedOn { get; } = ["--tcp-established", "--ext-unix-sk", "--shell-job", "--file-locks"];

    /// <summary>
    /// `runc checkpoint`'s flags for the CRIU options a workload, a mode or a transfer asks for. runc
    /// spells some as CRIU does, the page server and the parent differently, and sets others itself.
    /// </summary>
    public static IReadOnlyList<string> CheckpointOptions(IReadOnlyList<CriuOption> options)
    {
        var flags = new List<string>();
        string? pageServer = null;
        foreach (var option in options)
        {
            switch (option)
            {
                case CriuOption.UserArgument user when PassedOn.Contains(user.Text):
                    flags.Add(user.Text);
                    break;
                case CriuOption.LeaveRunning:
                    flags.Add("--leave-running");
                    break;
                case CriuOption.TcpEstablished:
                    flags.Add("--tcp-established");
                    break;
                case CriuOption.TrackMemory:
                    break; // runc asks for it with --pre-dump and --parent-path
                case CriuOption.ParentImages parent:
                    flags.AddRange(["--parent-path", parent.Directory]);
                    break;
                case CriuOption.PageServer server when pageServer is null:
                    pageServer = Endpoint(server.Address, server.Port);
                    break;
                case CriuOption.LazyDump lazy when pageServer is null:
                    // The lazy page server listens on --page-server's address; runc's CRIU waits there until every page is served.
                    flags.Add("--lazy-pages");
                    pageServer = Endpoint(lazy.Address, lazy.Port);
                    break;
                case CriuOption.WorkDirectory:
                    break; // runc's --work-path (see Checkpoint)
                case CriuOption.LogLevel:
                    break; // runc sets CRIU's log level itself (debug), which includes what -v3 adds
                default:
                    throw new NotSupportedException($"the runc engine cannot pass the CRIU dump option '{CriuOptions.Describe([option])}' through `runc checkpoint`");
            }
        }
        if (pageServer is not null) flags.AddRange(["--page-server", pageServer]);
        return flags;
    }

    private static string Endpoint(string address, int port) => $"{address}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static Command Runc(params IEnumerable<string> arguments) => Command.Of("runc", ["--root", StateRoot, .. arguments]);
}
