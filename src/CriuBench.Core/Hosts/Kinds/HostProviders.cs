using CriuBench.Execution;

namespace CriuBench.Hosts.Kinds;

/// <summary>
/// The providers by what `--hosts` and a suite's `hosts:` say: "lab" (default), "vm", or the path
/// of a hosts file. A new provider is one class and one line here.
/// </summary>
public static class HostProviders
{
    public const string Default = "lab";

    private static readonly Dictionary<string, Func<HostsChoice, IHostProvider>> Named = new()
    {
        ["lab"] = choice => new Lab.LabHostProvider(choice.LabName, choice.Runner),
        ["vm"] = choice => new Vm.VmHostProvider(choice.LabName, choice.Runner),
    };

    public static IReadOnlyCollection<string> Names => Named.Keys;

    public static IHostProvider Create(HostsChoice choice)
    {
        if (Named.TryGetValue(choice.Hosts, out var create)) return create(choice);
        if (IsHostsFile(choice.Hosts)) return Ssh.SshHostProvider.Load(choice.Hosts, choice.Runner);
        throw new ArgumentException($"--hosts '{choice.Hosts}' is not one of {string.Join(", ", Names)}, nor a hosts file (a path ending in .yaml or .yml)");
    }

    /// <summary>A value that names a file rather than a provider: a path, or a YAML file name.</summary>
    public static bool IsHostsFile(string hosts) =>
        hosts.Contains('/') || hosts.EndsWith(".yaml", StringComparison.Ordinal) || hosts.EndsWith(".yml", StringComparison.Ordinal);
}

/// <summary>What picks a run's hosts: the `--hosts` value, and the name its lab (netns or VM) gets.</summary>
public sealed record HostsChoice(string Hosts, string LabName, ICommandRunner Runner);
