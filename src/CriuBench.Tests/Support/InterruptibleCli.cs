namespace CriuBench.Tests.Support;

/// <summary>
/// The CLI as a child that Ctrl-C (SIGINT) reaches, whatever the test host inherited: a test run
/// started as a background job of a non-interactive shell ignores SIGINT, and so would every
/// criubench it starts (seen here: an interrupted run went on and exited 0).
/// </summary>
internal static class InterruptibleCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "criubench.dll");

    public static CliWrap.Command Wrap(IEnumerable<string> arguments) =>
        CliWrap.Cli.Wrap("env").WithArguments(["--default-signal=INT", "dotnet", Dll, .. arguments]);
}
