using CriuBench.Execution;

namespace CriuBench.Tests.Support;

/// <summary>
/// Preconditions of tests that drive the real thing. A missing one FAILS the test with what to do:
/// a migration test that silently passes without CRIU would prove nothing.
/// </summary>
internal static class Requires
{
    private static readonly Lazy<string?> CriuProblem = new(() =>
    {
        try
        {
            var result = ProcessRunner.Instance.RunAsync(Command.Of("criu", "check")).GetAwaiter().GetResult();
            return result.Succeeded ? null : $"'criu check' fails here: {result.StandardError.Trim().Split('\n').LastOrDefault()}";
        }
        catch (InvalidOperationException)
        {
            return "criu is not installed";
        }
    });

    public static void Root()
    {
        if (!LocalSystem.IsRoot)
            Assert.Fail("this test drives CRIU, namespaces and tc and needs root: run `sudo scripts/test.sh`");
    }

    /// <summary>Root and a CRIU whose `criu check` passes.</summary>
    public static void Criu()
    {
        Root();
        if (CriuProblem.Value is { } problem)
            Assert.Fail($"this test needs a working CRIU ({problem}): run `sudo scripts/setup.sh`");
    }

    public static void Tool(string program, string package)
    {
        if (!LocalSystem.IsInstalled(program)) Assert.Fail($"this test needs {program}: run `sudo scripts/setup.sh` (it installs {package})");
    }
}
