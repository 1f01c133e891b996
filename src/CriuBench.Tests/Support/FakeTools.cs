using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Tests.Support;

/// <summary>
/// A temp directory of tiny stand-in programs, put first on PATH for a script under test: each
/// records the arguments of every call (one call a line, arguments separated by a tab) and then
/// runs its own body. The script itself runs for real, from the repository's workloads/host/.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FakeTools : IDisposable
{
    private readonly TempDirectory directory = new();

    public string Path => directory.Path;

    public string File(string name) => directory.File(name);

    /// <summary>Adds the stand-in <paramref name="name"/>: records its call, then runs <paramref name="body"/> (sh).</summary>
    public FakeTools Add(string name, string body = "exit 0")
    {
        var file = directory.File(name);
        System.IO.File.WriteAllText(file, $"#!/bin/sh\n(IFS=\"$(printf '\\t')\"; printf '%s\\n' \"$*\") >> \"$0.calls\"\n{body}\n");
        System.IO.File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return this;
    }

    /// <summary>Each call of <paramref name="name"/> so far, as its arguments.</summary>
    public IReadOnlyList<string[]> Calls(string name)
    {
        var log = directory.File(name + ".calls");
        return System.IO.File.Exists(log)
            ? System.IO.File.ReadAllLines(log).Select(line => line.Split('\t')).ToList()
            : [];
    }

    /// <summary>Runs <paramref name="script"/> of workloads/host/ with these stand-ins first on PATH.</summary>
    public Task<CommandResult> RunAsync(string script, IEnumerable<string> arguments, string? standardInput = null) =>
        ProcessRunner.Instance.RunAsync(Command.Of("env",
            [$"PATH={Path}:{Environment.GetEnvironmentVariable("PATH")}", HostScriptsInRepository.Path(script), .. arguments])
            with { StandardInput = standardInput, Timeout = TimeSpan.FromSeconds(60) });

    public void Dispose() => directory.Dispose();
}

/// <summary>The repository's copies of the scripts that hosts run from <see cref="HostPaths.Assets"/>.</summary>
internal static class HostScriptsInRepository
{
    public static string Directory => System.IO.Path.Combine(WorkloadAssets.Directory, HostAssets.ScriptsDirectory);

    public static string Path(string script) => System.IO.Path.Combine(Directory, script);
}

/// <summary>
/// Runs commands on this machine as a host would, with the assets a host has at
/// <see cref="HostPaths.Assets"/> taken from the repository instead: tests need not install
/// anything at that path (shared by everyone on the machine).
/// </summary>
internal sealed class RepositoryAssetsRunner(ICommandRunner inner) : ICommandRunner
{
    private static readonly string Prefix = HostPaths.Assets + "/";

    public Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        inner.RunAsync(Rewrite(command), cancellationToken);

    public Task<CommandResult> RunStreamingAsync(Command command, Func<Stream, Task> consumeOutput, CancellationToken cancellationToken = default) =>
        inner.RunStreamingAsync(Rewrite(command), consumeOutput, cancellationToken);

    private static Command Rewrite(Command command) =>
        command with { Program = Local(command.Program), Arguments = [.. command.Arguments.Select(Local)] };

    private static string Local(string value) =>
        value.StartsWith(Prefix, StringComparison.Ordinal) ? System.IO.Path.Combine(WorkloadAssets.Directory, value[Prefix.Length..]) : value;
}
