using CriuBench.Execution;
using CriuBench.Hosts;
using CriuBench.Tests.Support;

namespace CriuBench.Tests.Containers;

/// <summary>workloads/docker-runc.sh against a fake runc that writes what CRIU would into --work-path.</summary>
[Trait("Category", "Unit")]
public class DockerRuncWrapperTests
{
    private const string FakeRunc = """
        #!/bin/sh
        echo "$*" >> "$(dirname "$0")/calls"
        prev=
        for a in "$@"; do
          work=
          if [ "$prev" = --work-path ]; then work=$a; fi
          case $a in --work-path=*) work=${a#*=} ;; esac
          if [ -n "$work" ]; then echo log > "$work/dump.log"; echo stats > "$work/stats-dump"; fi
          prev=$a
        done
        exit ${FAKE_STATUS:-0}
        """;

    private static async Task<CommandResult> RunWrapperAsync(TempDirectory temp, string status, params string[] arguments)
    {
        File.WriteAllText(temp.File("runc"), FakeRunc);
        (await ProcessRunner.Instance.RunAsync(Command.Of("chmod", "+x", temp.File("runc")))).EnsureSuccess();
        var command = Command.Of("env", [$"CRIUBENCH_RUNC={temp.File("runc")}", $"CRIUBENCH_CRIU_LOGS={temp.File("keep")}",
            $"FAKE_STATUS={status}", WorkloadAssets.File("docker-runc.sh"), .. arguments]);
        return await ProcessRunner.Instance.RunAsync(command);
    }

    [Fact]
    public async Task After_a_checkpoint_CRIUs_log_and_stats_are_kept_and_travel_in_the_image()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("work"));
        Directory.CreateDirectory(temp.File("image"));

        var result = await RunWrapperAsync(temp, "0", "--root", "/r", "--log", "/l.json", "--log-format", "json",
            "checkpoint", "--image-path", temp.File("image"), "--work-path", temp.File("work"), "abc123");

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("stats\n", File.ReadAllText(temp.File("keep/abc123/stats-dump")));
        Assert.Equal("log\n", File.ReadAllText(temp.File("keep/abc123/dump.log")));
        Assert.Equal("stats\n", File.ReadAllText(temp.File("image/stats-dump")));
    }

    [Fact]
    public async Task A_failed_command_keeps_its_exit_status_and_its_log()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("work"));

        var result = await RunWrapperAsync(temp, "3", "restore", "--detach", "--work-path=" + temp.File("work"), "--bundle", "/b", "abc123");

        Assert.Equal(3, result.ExitCode);
        Assert.True(File.Exists(temp.File("keep/abc123/dump.log")));
    }

    [Fact]
    public async Task Every_other_command_is_plain_runc()
    {
        using var temp = new TempDirectory();

        var result = await RunWrapperAsync(temp, "0", "--root", "/r", "create", "--bundle", "/b", "--work-path", temp.File("nowhere"), "abc123");

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("--root /r create --bundle /b --work-path " + temp.File("nowhere") + " abc123\n", File.ReadAllText(temp.File("calls")));
        Assert.False(Directory.Exists(temp.File("keep")));
    }
}
