using System.CommandLine;
using Command = System.CommandLine.Command;
using CriuBench.Execution;
using CriuBench.Hosts.Vm;

namespace CriuBench.Cli;

/// <summary>`vm up|down|status`: the two-VM QEMU lab by hand, for exploring or debugging.</summary>
internal static class VmCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "VM lab name (1-8 lowercase letters/digits)", DefaultValueFactory = _ => "vm" };

        var up = new Command("up", "build or reuse the VM image and boot the two VMs (src, dst); about 2 minutes under TCG") { name };
        up.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            Preconditions.RequireRoot();
            var lab = await VmLab.UpAsync(parse.GetValue(name)!, ProcessRunner.Instance, ConsoleLog.Instance, ct);
            foreach (var machine in lab.Machines)
                Console.WriteLine($"{machine.Name}: link {machine.LinkAddress}  ssh {ShellQuoting.CommandLine(Execution.Command.Of("ssh", [.. machine.Endpoint.Control.SshOptions, machine.Endpoint.Control.Target]))}");
            Console.WriteLine($"remove with: criubench vm down --name {lab.Layout.Name}");
        }));

        var down = new Command("down", "stop the VMs and remove their overlays, seeds, keys and sockets") { name };
        down.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            Preconditions.RequireRoot();
            var removed = await VmLab.DownAsync(parse.GetValue(name)!, ConsoleLog.Instance, ct);
            if (removed.Count == 0) Console.WriteLine("nothing to remove");
            Console.WriteLine(VmLab.Status(parse.GetValue(name)!));
        }));

        var status = new Command("status", "show what of the VM lab exists") { name };
        status.SetAction(parse => CliErrors.Guard(() => Console.WriteLine(VmLab.Status(parse.GetValue(name)!))));

        return new Command("vm", "manage the two-VM QEMU lab (kernel NFS, soft-dirty tracking)") { up, down, status };
    }
}
