namespace CriuBench.Tests.Vm;

/// <summary>
/// Every test that boots VMs runs in this one collection, one after another: two QEMU guests
/// under software emulation keep this 2-core machine busy, and four would slow each other
/// (and every other test) several times over. They share one booted lab (<see cref="SharedVmLab"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class VmLabCollection : ICollectionFixture<SharedVmLab>
{
    public const string Name = "vm lab";
}
