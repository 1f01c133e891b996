using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// The two-VM QEMU lab as a host provider ("vm"): Debian's own kernel, with kernel NFS,
/// soft-dirty tracking and lazy pages, booted per run from a cached image.
/// </summary>
public sealed class VmHostProvider(string labName, ICommandRunner runner) : IHostProvider
{
    public const string HostKind = "vm-qemu";

    public string Name => "vm";
    public string Kind => HostKind;
    public bool CanShapeLink => true;
    public string LabName { get; } = VmLayout.For(labName).Name;

    public async Task<IHostSet> UpAsync(LinkRate rate, ILog log, CancellationToken ct)
    {
        var lab = await VmLab.UpAsync(LabName, runner, log, ct);
        try
        {
            if (!rate.IsUnlimited) await lab.SetRateAsync(rate, ct);
            // The VMs have only what their image holds: the workloads' programs are copied in, as to any host.
            await HostAssets.InstallAsync(lab.Hosts, ct);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }
}
