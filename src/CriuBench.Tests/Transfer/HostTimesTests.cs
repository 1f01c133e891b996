using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

[Trait("Category", "Unit")]
public class HostTimesTests
{
    [Fact]
    public void The_steps_are_the_differences_between_the_times_on_the_last_line()
    {
        var steps = HostTimes.Split("Total bytes written: 10240\n1764430000.100000 1764430000.108500 1764430000.137000\n");
        Assert.Equal([TimeSpan.FromMicroseconds(8500), TimeSpan.FromMicroseconds(28500)], steps);
    }

    [Fact]
    public void A_locale_with_a_decimal_comma_reads_the_same()
    {
        Assert.Equal([TimeSpan.FromMilliseconds(2)], HostTimes.Split("1764430000,100000 1764430000,102000"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1764430000.1")]
    [InlineData("scp: connection lost")]
    public void Output_without_times_gives_no_split(string output)
    {
        Assert.Null(HostTimes.Split(output));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task The_pack_and_copy_script_reports_the_packs_times_then_becomes_scp_on_this_machines_bash(int scpExit)
    {
        // The real script with tar and scp replaced by stubs on PATH (exec runs a program, not a function).
        using var stubs = new Support.TempDirectory();
        File.WriteAllText(stubs.File("tar"), "#!/bin/sh\nexit 0\n");
        File.WriteAllText(stubs.File("scp"), $"#!/bin/sh\necho scp ran >&2\nexit {scpExit}\n");
        (await CriuBench.Execution.ProcessRunner.Instance.RunAsync(CriuBench.Execution.Command.Of("chmod", "+x", stubs.File("tar"), stubs.File("scp")))).EnsureSuccess();
        var script = TarTransfer.PackAndCopy("/dev/null", "x", [], []).Arguments[1];

        var result = await CriuBench.Execution.ProcessRunner.Instance.RunAsync(CriuBench.Execution.Command.Of("env",
            $"PATH={stubs.Path}:{Environment.GetEnvironmentVariable("PATH")}", "bash", "-c", script, "pack-and-copy", "/tmp", "/dev/null", "x", "0"));

        Assert.Equal(scpExit, result.ExitCode);
        Assert.Equal("scp ran", result.StandardError.Trim());
        Assert.Single(HostTimes.Split(result)!);
    }
}
