using CriuBench.Execution;

namespace CriuBench.Hosts;

/// <summary>
/// Puts the workloads' programs and scripts on a host, below <see cref="HostPaths.Assets"/>, when
/// its host set comes up: nothing on a host may rely on the controller's repository being there.
/// Every host gets the same bytes at the same path, because CRIU restores a process only where
/// its executable (and every file it maps) is identical.
/// </summary>
public static class HostAssets
{
    /// <summary>The harness's own scripts for hosts, a directory of workloads/, shipped whole.</summary>
    public const string ScriptsDirectory = "host";

    /// <summary>What a host needs, relative to the repository's workloads/ directory.</summary>
    public static readonly IReadOnlyList<string> Files = ["launch.sh", "counter.sh", "docker-runc.sh", "bin/ticker", ScriptsDirectory, ServicesDirectory];

    /// <summary>The built-in services' scripts and clients (workloads/services/), shipped whole.</summary>
    public const string ServicesDirectory = "services";

    public static string Launcher => On("launch.sh");

    /// <summary>The path on every host of <paramref name="relativePath"/> (as in workloads/).</summary>
    public static string On(string relativePath) => $"{HostPaths.Assets}/{relativePath}";

    /// <summary>
    /// The command that runs the script <paramref name="name"/> of workloads/host/ on a host, every
    /// value an argument. The script is executed itself (its #! line names its shell), which costs
    /// what `bash -c TEXT` cost: one process.
    /// </summary>
    public static Command Script(string name, params IEnumerable<string> arguments) => Command.Of(ScriptPath(name), arguments);

    /// <summary>The path on every host of the script <paramref name="name"/> of workloads/host/.</summary>
    public static string ScriptPath(string name) => On($"{ScriptsDirectory}/{name}");

    /// <summary>
    /// <see cref="Script"/> run by the controller itself, from the repository's copy: for what must
    /// work with no host up (the netns lab's teardown after a crash).
    /// </summary>
    public static Command ScriptOnController(string name, params IEnumerable<string> arguments) =>
        Command.Of(WorkloadAssets.File($"{ScriptsDirectory}/{name}"), arguments);

    /// <summary>
    /// <see cref="Script"/> sent from the controller's copy on the standard input of `bash -s`: for
    /// a script that runs before the assets are installed, or removes them (a host's cleanup).
    /// </summary>
    public static Command ScriptPiped(string name, params IEnumerable<string> arguments) =>
        Command.Of("bash", ["-s", "--", .. arguments]) with { StandardInput = File.ReadAllText(WorkloadAssets.File($"{ScriptsDirectory}/{name}")) };

    /// <summary>Copies <see cref="Files"/> onto every host in one tar stream each.</summary>
    public static async Task InstallAsync(IEnumerable<IHost> hosts, CancellationToken ct)
    {
        foreach (var file in Files.Where(file => file is not (ScriptsDirectory or ServicesDirectory))) WorkloadAssets.File(file); // a missing one says to run setup.sh
        var archive = await ControllerTar.CreateAsync(WorkloadAssets.Directory, Files, ct);
        foreach (var host in hosts)
        {
            await host.RemoveAsync(HostPaths.Assets, ct);
            await host.ExtractTarAsync(archive, HostPaths.Assets, ct);
        }
    }
}
