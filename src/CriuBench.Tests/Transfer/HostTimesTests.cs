using CriuBench.Transfer;

namespace CriuBench.Tests.Transfer;

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

    [Fact]
    public async Task The_pack_and_copy_script_reports_three_times_on_this_machines_bash()
    {
        var command = TarTransfer.PackAndCopy("/dev/null", "x", [], []);
        var script = command.Arguments[1];
        // The same script with tar and scp replaced by no-ops: only its clock readings are checked.
        var result = await CriuBench.Execution.ProcessRunner.Instance.RunAsync(CriuBench.Execution.Command.Of("bash", "-c",
            "tar() { :; }; scp() { :; }; " + script, "pack-and-copy", "/tmp", "/dev/null", "x", "0"));
        Assert.True(result.Succeeded, result.StandardError);
        var steps = HostTimes.Split(result);
        Assert.NotNull(steps);
        Assert.Equal(2, steps!.Count);
    }
}
