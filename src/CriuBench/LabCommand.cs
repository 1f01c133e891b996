using System.CommandLine;
using Command = System.CommandLine.Command;
using CriuBench.Execution;
using CriuBench.Lab;

namespace CriuBench.Cli;

/// <summary>`lab up|down|status`: the embedded two-host lab by hand, for exploring or debugging.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "lab name (1-8 lowercase letters/digits)", DefaultValueFactory = _ => CliDefaults.LabName };
        var rate = new Option<string>("--bandwidth") { Description = "link rate, e.g. 100mbit, 1gbit, unlimited", DefaultValueFactory = _ => "1gbit" };

        var up = new Command("up", "create the lab's two hosts (src, dst) and the shaped link between them") { name, rate };
        up.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var (labName, linkRate) = (Name(parse.GetValue(name)!), Rate(parse.GetValue(rate)!));
            Preconditions.RequireRoot();
            var lab = await Lab.Lab.UpAsync(labName, linkRate, ProcessRunner.Instance, ConsoleLog.Instance, ct);
            foreach (var host in lab.Hosts)
                Console.WriteLine($"{host.Name}: {host.Address}  run commands there with: nsenter --net={lab.Layout.NetworkNamespaceFile(host.Name)} --mount={lab.Layout.MountNamespaceFile(host.Name)} -- CMD");
            Console.WriteLine($"link: {lab.Rate}; remove with: criubench lab down --name {lab.Layout.Name}");
        }));

        var down = new Command("down", "remove the lab: processes, namespaces, mounts and disks") { name };
        down.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var labName = Name(parse.GetValue(name)!);
            Preconditions.RequireRoot();
            await Lab.Lab.DownAsync(labName, ProcessRunner.Instance, ConsoleLog.Instance, ct);
            PrintStatus(Lab.Lab.Status(labName));
        }));

        var status = new Command("status", "show what of the lab exists") { name };
        status.SetAction(parse => CliErrors.Guard(() => PrintStatus(Lab.Lab.Status(Name(parse.GetValue(name)!)))));

        return new Command("lab", "manage the embedded two-host lab") { up, down, status };
    }

    private static string Name(string name)
    {
        try { return LabLayout.For(name).Name; }
        catch (ArgumentException e) { throw new UsageException($"--name: {e.Message}, e.g. --name cb2"); }
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
