using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Tests.Hosts.Lab;

/// <summary>
/// workloads/enter-host, which every lab command goes through, against the caller's own namespaces
/// (entering them is allowed and changes nothing): what nsenter would do, with its exit codes. The
/// lab tests run it into real lab namespaces.
/// </summary>
public class EnterHostTests
{
    private static readonly string EnterHost = WorkloadAssets.File("bin/enter-host");
    private static readonly string[] OwnNamespaces = ["/proc/self/ns/net", "/proc/self/ns/mnt"];

    private static Task<CommandResult> EnterAsync(params string[] command) =>
        ProcessRunner.Instance.RunAsync(Command.Of(EnterHost, [.. OwnNamespaces, .. command]));

    [Fact]
    public async Task The_program_runs_in_place_of_the_helper_with_its_arguments_stdio_and_exit_code()
    {
        var result = await ProcessRunner.Instance.RunAsync(
            Command.Of(EnterHost, [.. OwnNamespaces, "sh", "-c", "cat; printf '%s|' \"$@\"; pwd; exit 7", "sh", "a b", "$HOME"])
                with { StandardInput = "in\n" });

        Assert.Equal(7, result.ExitCode);
        // Entering a mount namespace puts the working directory at its root, as with nsenter.
        Assert.Equal("in\na b|$HOME|/\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_missing_program_exits_127_and_says_which()
    {
        var result = await EnterAsync("no-such-program-criubench");
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("cannot run no-such-program-criubench", result.StandardError);
    }

    [Fact]
    public async Task A_namespace_that_cannot_be_entered_exits_125_before_anything_runs()
    {
        var result = await ProcessRunner.Instance.RunAsync(Command.Of(EnterHost, "/run/netns/no-such-lab-host", "/proc/self/ns/mnt", "echo", "ran"));
        Assert.Equal(125, result.ExitCode);
        Assert.Contains("cannot open /run/netns/no-such-lab-host", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }
}
