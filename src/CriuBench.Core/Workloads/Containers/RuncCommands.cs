using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// runc command lines, each with the host's own state root. CRIU's logs and statistics go to the
/// images directory (--work-path there too), where the harness reads them for every engine.
/// </summary>
public static class RuncCommands
{
    /// <summary>On the host's own disk: every host has its own runc state, as separate machines do.</summary>
    public const string StateRoot = HostPaths.Disk + "/runc-state";

    public static Command Run(string id, RuncBundle bundle) =>
        Runc("run", "--detach", "--bundle", bundle.Directory, id);

    public static Command Checkpoint(string id, string imagesDirectory, IReadOnlyList<string> criuArguments) =>
        Runc(["checkpoint", "--image-path", imagesDirectory, "--work-path", imagesDirectory, .. CheckpointOptions(criuArguments), id]);

    /// <summary>
    /// A pre-copy round. runc names CRIU's --prev-images-dir --parent-path and turns on memory
    /// tracking itself for a pre-dump or a parent; it writes CRIU's log as dump.log here too.
    /// </summary>
    public static Command PreDump(string id, string imagesDirectory, string? previousImages, IReadOnlyList<string> criuArguments) =>
        Runc(["checkpoint", "--pre-dump", "--image-path", imagesDirectory, "--work-path", imagesDirectory,
            .. CheckpointOptions([.. criuArguments, .. previousImages is null ? Array.Empty<string>() : ["--prev-images-dir", previousImages]]), id]);

    public static Command Restore(string id, string imagesDirectory, RuncBundle bundle) =>
        Runc("restore", "--detach", "--image-path", imagesDirectory, "--work-path", imagesDirectory, "--bundle", bundle.Directory, id);

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
        var pageServer = false;
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
        if (pageServer != (address is not null) || pageServer != (port is not null))
            throw new NotSupportedException("a page server needs all of --page-server, --address and --port");
        if (pageServer) options.AddRange(["--page-server", $"{address}:{port}"]);
        return options;
    }

    private static Command Runc(params IEnumerable<string> arguments) => Command.Of("runc", ["--root", StateRoot, .. arguments]);
}
