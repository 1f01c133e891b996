using CriuBench.Execution;

namespace CriuBench.Cli;

/// <summary>Checks that fail fast with what to do, before anything is created.</summary>
internal static class Preconditions
{
    public static void RequireRoot()
    {
        if (!LocalSystem.IsRoot)
            throw new InvalidOperationException("CriuBench drives CRIU, namespaces and tc, which need root: run it with sudo");
    }
}
