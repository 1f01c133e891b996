using CriuBench.Execution;
using CriuBench.Hosts.Vm;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Vm;

/// <summary>A VM lab stopped halfway through its boot leaves nothing behind: no qemu, no overlay, no socket.</summary>
[Collection(CriuBench.Tests.Vm.VmLabCollection.Name)]
public class VmLabInterruptTests
{
    private const string Name = "vstop";

    [Fact(Timeout = 10 * 60 * 1000)]
    public async Task Cancelling_up_while_the_vms_boot_leaves_no_qemu_no_overlay_and_no_run_files()
    {
        Requires.Root();
        using var cancel = new CancellationTokenSource();
        var up = VmLab.UpAsync(Name, ProcessRunner.Instance, new CollectingLog(), cancel.Token);
        while (!VmLab.Status(Name).IsUp && !up.IsCompleted) await Task.Delay(500);
        Assert.False(up.IsCompleted, "Up ended before both qemus ran");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => up);
        var status = VmLab.Status(Name);
        Assert.True(status.IsAbsent, $"left behind: {status}");
        Assert.False(Directory.Exists(VmLayout.For(Name).RunDirectory));
    }
}
