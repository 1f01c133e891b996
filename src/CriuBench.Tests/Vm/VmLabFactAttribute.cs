namespace CriuBench.Tests.Vm;

/// <summary>
/// A test on the booted VM lab (`--hosts vm`: two QEMU guests whose kernel has NFS, soft-dirty
/// and lazy pages). The first start builds the image (minutes), later ones boot from the cache
/// (about 2 minutes under TCG on an idle machine); each guest takes about 2.2 GiB.
/// </summary>
public sealed class VmLabFactAttribute : FactAttribute
{
    public const string Provider = "vm";

    public VmLabFactAttribute() => Timeout = 20 * 60 * 1000;
}
