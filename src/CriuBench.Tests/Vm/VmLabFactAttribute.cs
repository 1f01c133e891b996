using CriuBench.Hosts;

namespace CriuBench.Tests.Vm;

/// <summary>
/// A test that needs the VM lab (`--hosts vm`: two QEMU guests whose kernel has NFS). While this
/// build has no "vm" host provider the test is skipped, saying so; it runs by itself once
/// <see cref="HostProviders"/> registers "vm". The first start builds the image (minutes), later
/// ones boot from the cache (about 2 minutes under TCG); each guest takes about 2.2 GiB.
/// </summary>
public sealed class VmLabFactAttribute : FactAttribute
{
    public const string Provider = "vm";

    public VmLabFactAttribute()
    {
        Timeout = 20 * 60 * 1000;
        if (!HostProviders.Names.Contains(Provider))
            Skip = "needs the VM lab provider (--hosts vm), which this build does not have yet: it runs once HostProviders registers \"vm\"";
    }
}
