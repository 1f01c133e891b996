using System.CommandLine;
using Command = System.CommandLine.Command;
using CriuBench.Execution;
using CriuBench.Hosts.Vm;
using CriuBench.Hosts.Lab;
using CriuBench.Vocabulary;

namespace CriuBench.Cli;

/// <summary>
/// `lab up|down|status [--kind lab|vm] [--lab NAME]`: the embedded netns lab or the two-VM QEMU lab
/// by hand, for exploring or debugging. `--lab` names it as `run --lab` does.
/// </summary>
internal static class LabCommand
{
    private const string NetnsKind = "lab";
    private const string VmKind = "vm";

    public static Command Create()
    {
        var name = new Option<string>("--lab", "--name") { Description = "lab name (1-8 lowercase letters/digits), as `run --lab` takes it", DefaultValueFactory = _ => CliDefaults.LabName };
        var kind = new Option<string>("--kind") { Description = "lab: the netns lab on this machine (default); vm: two QEMU VMs with Debian's kernel (NFS, soft-dirty, lazy pages)", DefaultValueFactory = _ => NetnsKind };
        var rate = new Option<string>("--bandwidth") { Description = "link rate, e.g. 100mbit, 1gbit, unlimited", DefaultValueFactory = _ => "1gbit" };

        var up = new Command("up", "create the lab's two hosts (src, dst) and the link between them") { name, kind, rate };
        up.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var (labKind, labName, linkRate) = (Kind(parse.GetValue(kind)!), Name(parse.GetValue(name)!), Rate(parse.GetValue(rate)!));
            Preconditions.RequireRoot();
            if (labKind == VmKind) await UpVmAsync(labName, ct);
            else await UpNetnsAsync(labName, linkRate, ct);
        }));

        var down = new Command("down", "remove the lab: processes, namespaces or VMs, mounts and disks") { name, kind };
        down.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var (labKind, labName) = (Kind(parse.GetValue(kind)!), Name(parse.GetValue(name)!));
            Preconditions.RequireRoot();
            if (labKind == VmKind)
            {
                var removed = await VmLab.DownAsync(labName, ConsoleLog.Instance, ct);
                if (removed.Count == 0) Console.WriteLine("nothing to remove");
                Console.WriteLine(VmLab.Status(labName));
                return;
            }
            await Hosts.Lab.Lab.DownAsync(labName, ProcessRunner.Instance, ConsoleLog.Instance, ct);
            PrintStatus(Hosts.Lab.Lab.Status(labName));
        }));

        var status = new Command("status", "show what of the lab exists") { name, kind };
        status.SetAction(parse => CliErrors.Guard(() =>
        {
            var (labKind, labName) = (Kind(parse.GetValue(kind)!), Name(parse.GetValue(name)!));
            if (labKind == VmKind) Console.WriteLine(VmLab.Status(labName));
            else PrintStatus(Hosts.Lab.Lab.Status(labName));
        }));

        return new Command("lab", "manage a two-host lab: the embedded netns lab, or the two-VM QEMU lab (--kind vm)") { up, down, status };
    }

    private static async Task UpNetnsAsync(string labName, LinkRate linkRate, CancellationToken ct)
    {
        var lab = await Hosts.Lab.Lab.UpAsync(labName, linkRate, ProcessRunner.Instance, ConsoleLog.Instance, ct);
        foreach (var host in lab.Hosts)
            Console.WriteLine($"{host.Name}: {host.Address}  run commands there with: nsenter --net={lab.Layout.NetworkNamespaceFile(host.Name)} --mount={lab.Layout.MountNamespaceFile(host.Name)} -- CMD");
        Console.WriteLine($"link: {lab.Rate}; remove with: criubench lab down --lab {lab.Layout.Name}");
    }

    private static async Task UpVmAsync(string labName, CancellationToken ct)
    {
        var lab = await VmLab.UpAsync(labName, ProcessRunner.Instance, ConsoleLog.Instance, ct);
        foreach (var machine in lab.Machines)
            Console.WriteLine($"{machine.Name}: link {machine.LinkAddress}  ssh {ShellQuoting.CommandLine(Execution.Command.Of("ssh", [.. machine.Endpoint.Control.SshOptions, machine.Endpoint.Control.Target]))}");
        var hostsFile = await VmHostsFile.WriteAsync(lab.Layout, ct);
        Console.WriteLine($"hosts file: {hostsFile} (run a suite on these VMs as on your own machines: criubench run --hosts {hostsFile})");
        Console.WriteLine($"remove with: criubench lab down --kind vm --lab {lab.Layout.Name}");
    }

    private static string Kind(string kind) => kind is NetnsKind or VmKind
        ? kind
        : throw new UsageException($"--kind: '{kind}' is not a lab kind: use lab (the netns lab) or vm (two QEMU VMs)");

    private static string Name(string name)
    {
        try { return LabLayout.For(name).Name; }
        catch (ArgumentException e) { throw new UsageException($"--name: {e.Message}, e.g. --lab cb2"); }
    }

    private static LinkRate Rate(string text)
    {
        try { return LinkRate.Parse(text); }
        catch (FormatException e) { throw new UsageException($"--bandwidth: {e.Message}"); }
    }

    private static void PrintStatus(LabStatus status)
    {
        var state = status.IsUp ? "up" : status.IsAbsent ? "absent" : "partly present (run `lab down` to clean)";
        Console.WriteLine($"lab {status.Name}: {state}");
        if (status.IsAbsent) return;
        Console.WriteLine($"  network namespaces: {string.Join(", ", status.NetworkNamespaces)}");
        Console.WriteLine($"  host mount namespaces: {string.Join(", ", status.MountNamespaces)}");
        Console.WriteLine($"  processes inside: {status.Processes}");
        if (status.Rate is not null) Console.WriteLine($"  link rate: {status.Rate}");
    }
}
