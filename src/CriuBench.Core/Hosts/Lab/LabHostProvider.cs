using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Lab;

/// <summary>The embedded lab as a host provider: two network namespaces on this machine, made per run.</summary>
public sealed class LabHostProvider(string labName, ICommandRunner runner) : IHostProvider
{
    public const string HostKind = "lab-netns";

    public string Name => "lab";
    public string Kind => HostKind;
    public bool CanShapeLink => true;
    public bool HostsHaveOwnMounts => true;
    public string LabName { get; } = LabLayout.For(labName).Name;

    public async Task<IHostSet> UpAsync(LinkRate rate, ILog log, CancellationToken ct) =>
        await Lab.UpAsync(LabName, rate, runner, log, ct);
}
