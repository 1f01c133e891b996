using System.CommandLine;
using CriuBench.Execution;
using CriuBench.Hosts;
using Command = System.CommandLine.Command;

namespace CriuBench.Cli;

/// <summary>`doctor`: checks what a run needs and says what to install, without changing anything.</summary>
internal static class DoctorCommand
{
    private sealed record Check(string What, Func<Task<string?>> Problem);

    public static Command Create()
    {
        var command = new Command("doctor", "check root, CRIU, runc and the tools a run needs; say what to install");
        command.SetAction((_, ct) => CliErrors.GuardAsync(async () =>
        {
            var failures = 0;
            foreach (var check in Checks(ct))
            {
                var problem = await check.Problem();
                Console.WriteLine(problem is null ? $"  ok    {check.What}" : $"  FAIL  {check.What}: {problem}");
                if (problem is not null) failures++;
            }
            if (failures > 0) throw new InvalidOperationException($"{failures} check(s) failed; scripts/setup.sh installs everything (as root)");
            Console.WriteLine("everything a run needs is here");
        }));
        return command;
    }

    private static IEnumerable<Check> Checks(CancellationToken ct)
    {
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
            try { WorkloadAssets.File("bin/ticker"); return Task.FromResult<string?>(null); }
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
