using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Hosts.Kinds;
using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Vocabulary;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>
/// `doctor`: what the controller has, then the chosen hosts brought up, probed and checked as a
/// run would (HostsPreview), and from the same capability checks a run plans with, which engines,
/// modes and strategies can run there and why the others cannot. Changes nothing that stays.
/// </summary>
internal static class DoctorCommand
{
    private sealed record Check(string What, Func<Task<string?>> Problem);

    public static Command Create()
    {
        var hosts = new Option<string?>("--hosts") { Description = "the hosts to check: lab (default, the embedded netns lab), vm (the two-VM QEMU lab; boots them, minutes), or a hosts file (YAML)" };
        var lab = new Option<string?>("--lab") { Description = "the name of the lab doctor brings up and removes (default doctor); a lab of this name is recreated" };
        var command = new Command("doctor", "check the controller's tools, then bring the hosts up and say which engines, modes and strategies can run there and why the others cannot")
        {
            hosts, lab,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var chosen = parse.GetValue(hosts) ?? HostProviders.Default;
            if (chosen.Length == 0) throw new UsageException("--hosts is empty: give lab (the default), vm or a hosts file");
            var labName = LabName(parse.GetValue(lab) ?? "doctor");
            IHostProvider provider;
            try { provider = HostProviders.Create(new HostsChoice(chosen, labName, ProcessRunner.Instance)); }
            catch (ArgumentException e) { throw new UsageException(e.Message); } // it names --hosts
            catch (Hosts.Ssh.HostsFileException e) { throw new UsageException($"--hosts: {e.Message}"); }
            Console.WriteLine("controller (this machine):");
            var failures = 0;
            foreach (var check in Checks(chosen, ct))
            {
                var problem = await check.Problem();
                Console.WriteLine(problem is null ? $"  ok    {check.What}" : $"  FAIL  {check.What}: {problem}");
                if (problem is not null) failures++;
            }
            if (!LocalSystem.IsRoot)
                throw new InvalidOperationException($"{failures} check(s) failed; the hosts were not checked (bringing them up needs root): run doctor with sudo");

            Console.WriteLine($"hosts ({chosen}, brought up as lab '{labName}', probed and removed{(chosen == "vm" ? "; booting two VMs takes minutes" : "")}):");
            HostsPreview preview;
            try
            {
                preview = await HostsPreview.ProbeAsync(provider, LinkRate.Default, ConsoleLog.Instance, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"the hosts ({chosen}) did not come up, so nothing can run on them: {e.Message}");
            }
            foreach (var host in preview.Features) Console.WriteLine($"  {Describe(host)}");
            Console.WriteLine(preview.PairProblem is { } pair ? $"  FAIL  the pair: {pair}" : "  ok    the pair: criu check on both, the same CRIU, each restores the other's CPU state");

            var overview = CapabilityOverview.Of(preview.Features, preview.CanShapeLink);
            Print("engines", overview.Engines);
            Print("modes", overview.Modes);
            Print("strategies", overview.Strategies);
            if (overview.RefusedCombinations.Count > 0)
            {
                Console.WriteLine("combinations refused although each part can run:");
                foreach (var group in overview.RefusedCombinations.GroupBy(r => (r.Mode, r.Reason)))
                    Console.WriteLine($"  no    {group.Key.Mode} with {string.Join(", ", group.Select(r => $"{r.Strategy} ({r.Engine})").Distinct())}: {group.Key.Reason}");
            }
            var cannot = overview.Engines.Concat(overview.Modes).Concat(overview.Strategies).Where(c => !c.CanRun).ToList();
            Console.WriteLine(cannot.Count == 0
                ? $"every engine, mode and strategy can run on these hosts ({preview.Kind})"
                : $"{cannot.Count} cannot run on these hosts ({preview.Kind}): {string.Join(", ", cannot.Select(c => c.Name))}; the reasons above say what would let them");
            if (preview.PairProblem is not null) failures++;
            if (failures > 0) throw new InvalidOperationException($"{failures} check(s) failed; scripts/setup.sh installs everything (as root)");
        }));
        return command;
    }

    /// <summary>"src: kernel 6.18, CRIU 4.2.1 (criu check passes), runc 1.1.5, docker yes, soft-dirty no, ..."</summary>
    public static string Describe(HostFeatures host)
    {
        static string YesNo(bool value) => value ? "yes" : "no";
        var criu = host.CriuVersion is null ? "CRIU missing" : $"CRIU {host.CriuVersion} ({(host.CriuWorks ? "criu check passes" : "criu check FAILS")})";
        return $"{host.Host}: kernel {host.Kernel}, {criu}, runc {host.RuncVersion ?? "missing"}, docker {YesNo(host.Docker)}, "
            + $"soft-dirty {YesNo(host.SoftDirty)}, userfaultfd {YesNo(host.Uffd)}, NFS client {YesNo(host.NfsClient)}, NFS server {YesNo(host.NfsServer)}, sshfs {YesNo(host.Sshfs)}";
    }

    private static void Print(string title, IReadOnlyList<Capability> answers)
    {
        Console.WriteLine($"{title}:");
        foreach (var answer in answers)
            Console.WriteLine(answer.CanRun ? $"  ok    {answer.Name}" : $"  no    {answer.Name}: {string.Join(" | ", answer.Refusals)}");
    }

    private static string LabName(string name)
    {
        try { return Hosts.Lab.LabLayout.For(name).Name; }
        catch (ArgumentException e) { throw new UsageException($"--lab: {e.Message}, e.g. --lab doctor"); }
    }

    private static IEnumerable<Check> Checks(string hosts, CancellationToken ct)
    {
        if (hosts == "vm")
            yield return new("qemu-system-x86_64 (qemu-system-x86), for the two VMs",
                () => Task.FromResult(LocalSystem.IsInstalled("qemu-system-x86_64") ? null : "missing: apt-get install qemu-system-x86 qemu-utils"));
        yield return new("running as root", () => Task.FromResult(LocalSystem.IsRoot ? null : "run with sudo: CRIU, namespaces and tc need root"));
        yield return new("criu check", async () =>
        {
            var result = await TryRunAsync(Command("criu", "check"), ct);
            return result is null ? "criu is not installed" : result.Succeeded ? null : $"'criu check' says: {LastLines(result)}";
        });
        foreach (var (tool, package) in new[]
                 {
                     ("runc", "runc"), ("nsenter", "util-linux"), ("ip", "iproute2"), ("tc", "iproute2"), ("iptables-restore", "iptables"),
                     ("sshd", "openssh-server"), ("ssh", "openssh-client"), ("scp", "openssh-client"), ("sshfs", "sshfs"),
                     ("tar", "tar"), ("zstd", "zstd"), ("rsync", "rsync"), ("busybox", "busybox-static"),
                 })
            yield return new($"{tool} ({package})", () => Task.FromResult(LocalSystem.IsInstalled(tool) ? null : $"missing: apt-get install {package}"));
        yield return new("workload programs built", () =>
        {
            try { WorkloadAssets.File("bin/ticker"); WorkloadAssets.File("bin/enter-host"); return Task.FromResult<string?>(null); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return Task.FromResult<string?>(e.Message); }
        });
    }

    private static Execution.Command Command(string program, params string[] args) => Execution.Command.Of(program, args);

    private static async Task<CommandResult?> TryRunAsync(Execution.Command command, CancellationToken ct)
    {
        try { return await ProcessRunner.Instance.RunAsync(command, ct); }
        catch (InvalidOperationException) { return null; }
    }

    private static string LastLines(CommandResult result) =>
        string.Join(" | ", (result.StandardError + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
}
