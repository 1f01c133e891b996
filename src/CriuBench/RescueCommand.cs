using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Hosts.Lab;
using CriuBench.Hosts.Lab.Rescue;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>
/// `rescue list|restore|remove`: the disks a lab kept because they held the images of an
/// interrupted or lost migration (/var/lib/criubench/rescued/LAB-TIME), so a user gets the
/// workload back without reading code.
/// </summary>
internal static class RescueCommand
{
    private const string DefaultLab = "rescue";

    public static Command Create()
    {
        var list = new Command("list", "list the rescues, their size and what each can bring back");
        list.SetAction(_ => CliErrors.Guard(List));

        var directory = new Argument<string>("rescue") { Description = $"a rescue directory or its name (see `criubench rescue list`)" };
        var lab = new Option<string>("--lab") { Description = "the netns lab to restore into (brought up if it is not up)", DefaultValueFactory = _ => DefaultLab };
        var host = new Option<string>("--host") { Description = "the lab host to restore on: src or dst", DefaultValueFactory = _ => "src" };
        var workload = new Option<string?>("--workload") { Description = "which workload, if the rescue holds several (its instance name)" };
        var print = new Option<bool>("--print") { Description = "print the commands that restore it by hand instead (on any machine with the same CRIU)" };
        var restore = new Command("restore", "bring a rescued workload back: restored into a host of a netns lab, or the commands printed") { directory, lab, host, workload, print };
        restore.SetAction((parse, ct) => CliErrors.GuardAsync(() =>
            RestoreAsync(parse.GetValue(directory)!, parse.GetValue(lab)!, parse.GetValue(host)!, parse.GetValue(workload), parse.GetValue(print), ct)));

        var names = new Argument<string[]>("rescues") { Description = "rescue directories or names", Arity = ArgumentArity.ZeroOrMore };
        var olderThan = new Option<int?>("--older-than") { Description = "every rescue older than this many days" };
        var all = new Option<bool>("--all") { Description = "every rescue" };
        var remove = new Command("remove", "delete rescues that are of no use any more") { names, olderThan, all };
        remove.SetAction(parse => CliErrors.Guard(() => Remove(parse.GetValue(names) ?? [], parse.GetValue(olderThan), parse.GetValue(all))));

        return new Command("rescue", $"the images and files of interrupted or lost migrations, kept in {LabRescue.Root}") { list, restore, remove };
    }

    private static void List()
    {
        var rescues = LabRescue.All();
        if (rescues.Count == 0)
        {
            Console.WriteLine($"no rescues in {LabRescue.Root}");
            return;
        }
        long total = 0;
        foreach (var rescue in rescues)
        {
            var size = rescue.SizeBytes();
            total += size;
            Console.WriteLine($"{rescue.Name}  {LabRescue.DescribeSize(size)}  {rescue.CreatedUtc:yyyy-MM-dd HH:mm} UTC  {rescue.Directory}");
            foreach (var workload in rescue.Workloads)
                Console.WriteLine(workload.Restorable
                    ? $"  {workload.Instance} ({workload.MigrationId}): restorable, `criubench rescue restore {rescue.Name}`"
                    : $"  {workload.Instance} ({workload.MigrationId}): not restorable: {workload.Lacks}");
        }
        Console.WriteLine($"{rescues.Count} rescues, {LabRescue.DescribeSize(total)}; remove old ones with `criubench rescue remove --older-than DAYS`");
    }

    private static async Task RestoreAsync(string given, string labName, string hostName, string? instance, bool print, CancellationToken ct)
    {
        var rescue = LabRescue.Read(Resolve(given));
        var chosen = Choose(rescue, instance);
        if (print)
        {
            Console.WriteLine($"# {chosen.Instance} from {rescue.Directory}, as root:");
            foreach (var line in RescueCommands.ByHand(rescue, chosen)) Console.WriteLine(line);
            return;
        }
        if (!LabLayout.HostNames.Contains(hostName)) throw new UsageException($"--host: '{hostName}' is not a lab host: use {string.Join(" or ", LabLayout.HostNames)}");
        Preconditions.RequireRoot();
        var layout = LabName(labName);
        var up = Hosts.Lab.Lab.Status(layout.Name).IsUp;
        var lab = up
            ? Hosts.Lab.Lab.Attach(layout.Name, ProcessRunner.Instance, ConsoleLog.Instance)
            : await Hosts.Lab.Lab.UpAsync(layout.Name, Vocabulary.LinkRate.Default, ProcessRunner.Instance, ConsoleLog.Instance, ct);
        var host = lab.Hosts.Single(candidate => candidate.Name == hostName);
        var restored = chosen.IsPodman
            ? await Workloads.Containers.PodmanRescue.RestoreAsync(chosen, host, ct)
            : await RescueIntoLab.RestoreAsync(chosen, host, ct);
        var container = restored.Container is { } name ? $"Podman container {name}, " : "";
        Console.WriteLine($"restored {chosen.Instance} on {host.Name} of lab {layout.Name} ({container}PID {restored.Pid}) from {chosen.Images!.Path}");
        Console.WriteLine(restored.Continues
            ? $"its output goes on in {restored.OutputFile} on {host.Name} ({layout.DiskOf(host.Name)}{restored.OutputFile[Hosts.HostPaths.Disk.Length..]} here): the first line after the rescue's last is '{restored.FirstLineAfter}'"
            : $"warning: its output ({restored.OutputFile} on {host.Name}) did not grow within 10 s");
        Console.WriteLine($"enter the host: nsenter --net={layout.NetworkNamespaceFile(host.Name)} --mount={layout.MountNamespaceFile(host.Name)} -- CMD; "
            + $"stop it with the lab: criubench lab down --lab {layout.Name}");
        if (!restored.Continues) throw new InvalidOperationException($"{chosen.Instance} was restored but does not print");
    }

    private static void Remove(IReadOnlyList<string> given, int? olderThanDays, bool all)
    {
        if (given.Count == 0 && olderThanDays is null && !all)
            throw new UsageException("rescue remove needs rescues to remove, --older-than DAYS or --all, e.g. criubench rescue remove --older-than 7");
        if (olderThanDays is < 0) throw new UsageException($"--older-than: {olderThanDays} is negative: give a number of days, e.g. --older-than 7");
        Preconditions.RequireRoot();
        var chosen = given.Select(Resolve).ToList();
        if (all) chosen.AddRange(LabRescue.All().Select(rescue => rescue.Directory));
        else if (olderThanDays is { } days)
            chosen.AddRange(LabRescue.All().Where(rescue => rescue.CreatedUtc < DateTime.UtcNow.AddDays(-days)).Select(rescue => rescue.Directory));
        var freed = 0L;
        foreach (var rescue in chosen.Distinct().Select(LabRescue.Read))
        {
            var size = rescue.SizeBytes();
            Directory.Delete(rescue.Directory, recursive: true);
            freed += size;
            Console.WriteLine($"removed {rescue.Directory} ({LabRescue.DescribeSize(size)})");
        }
        if (chosen.Count == 0) Console.WriteLine("no rescue to remove");
        else Console.WriteLine($"freed {LabRescue.DescribeSize(freed)}");
    }

    /// <summary>A rescue's directory from its path or name; only directories directly in the rescue root count, so nothing else is ever removed.</summary>
    private static string Resolve(string given)
    {
        var path = Path.GetFullPath(given.Contains('/') ? given : Path.Combine(LabRescue.Root, given));
        if (Path.GetDirectoryName(path.TrimEnd('/')) != LabRescue.Root)
            throw new UsageException($"{given} is not a rescue: give a directory of {LabRescue.Root} or its name (see `criubench rescue list`)");
        if (!Directory.Exists(path))
            throw new UsageException($"rescue {given} does not exist (see `criubench rescue list`)");
        return path.TrimEnd('/');
    }

    private static RescuedWorkload Choose(LabRescue rescue, string? instance)
    {
        var restorable = rescue.Workloads.Where(workload => instance is null || workload.Instance == instance || workload.MigrationId == instance).ToList();
        if (instance is not null && restorable.Count == 0)
            throw new UsageException($"--workload: {rescue.Name} holds no workload '{instance}'; it holds: {string.Join(", ", rescue.Workloads.Select(w => w.Instance))}");
        if (restorable.Count == 0) throw new InvalidOperationException($"{rescue.Name} holds no images of a workload");
        if (restorable.Count > 1 && restorable.Select(w => w.Instance).Distinct().Count() > 1)
            throw new UsageException($"{rescue.Name} holds several workloads ({string.Join(", ", restorable.Select(w => w.Instance))}): choose one with --workload");
        return restorable.FirstOrDefault(workload => workload.Restorable)
            ?? throw new InvalidOperationException($"{restorable[0].Instance} in {rescue.Name} cannot be restored: {restorable[0].Lacks}");
    }

    private static LabLayout LabName(string name)
    {
        try { return LabLayout.For(name); }
        catch (ArgumentException e) { throw new UsageException($"--lab: {e.Message}, e.g. --lab rescue"); }
    }
}
