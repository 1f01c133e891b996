using CriuBench.Execution;

namespace CriuBench.Hosts;

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
    };

    public static IReadOnlyCollection<string> Names => Named.Keys;

    public static IHostProvider Create(HostsChoice choice)
    {
        if (Named.TryGetValue(choice.Hosts, out var create)) return create(choice);
        throw new ArgumentException($"--hosts '{choice.Hosts}' is not one of {string.Join(", ", Names)} (a hosts file is not supported yet)");
    }
}

/// <summary>What picks a run's hosts: the `--hosts` value, and the name its lab (netns or VM) gets.</summary>
public sealed record HostsChoice(string Hosts, string LabName, ICommandRunner Runner);
