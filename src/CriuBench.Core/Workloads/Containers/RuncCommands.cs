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
                case "--tcp-established" or "--ext-unix-sk" or "--shell-job" or "--file-locks":
                    options.Add(argument);
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
