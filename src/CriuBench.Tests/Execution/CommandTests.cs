using CriuBench.Execution;

namespace CriuBench.Tests.Execution;

[Trait("Category", "Unit")]
public class CommandTests
{
    [Fact]
    public void Running_a_command_through_another_program_prefixes_its_arguments()
    {
        var command = Command.Of("criu", "dump", "-t", "42").RunBy("nsenter", "--net=/run/netns/x", "--");
        Assert.Equal("nsenter", command.Program);
        Assert.Equal(["--net=/run/netns/x", "--", "criu", "dump", "-t", "42"], command.Arguments);
    }

    [Fact]
    public void Printing_a_command_quotes_what_a_shell_would_split()
    {
        var command = Command.Of("bash", "-c", "echo it's $HOME", "plain");
        Assert.Equal("bash -c 'echo it'\\''s $HOME' plain", command.ToString());
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("/var/lib/x.img", "/var/lib/x.img")]
    [InlineData("root@198.18.0.2:/x", "root@198.18.0.2:/x")]
    [InlineData("$(rm -rf /)", "'$(rm -rf /)'")]
    public void Quoting_is_safe_for_a_posix_shell(string argument, string quoted) =>
        Assert.Equal(quoted, ShellQuoting.Quote(argument));
}
