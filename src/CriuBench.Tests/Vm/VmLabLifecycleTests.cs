using CriuBench.Hosts.Vm;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Vm;

/// <summary>
/// The VM lab's lifecycle without a boot (a boot costs minutes under emulation): the booted lab
/// is checked by the NFS tests' shared lab, and a boot cut short by VmLabInterruptTests.
/// </summary>
[Collection(CriuBench.Tests.Vm.VmLabCollection.Name)]
public class VmLabLifecycleTests
{
    [Fact]
    public async Task Down_of_a_lab_that_does_not_exist_removes_nothing_and_says_nothing()
    {
        Requires.Root();
        var log = new CollectingLog();
        var removed = await VmLab.DownAsync("vnone", log);
        Assert.Empty(removed);
        Assert.Empty(log.Infos);
    }
}
