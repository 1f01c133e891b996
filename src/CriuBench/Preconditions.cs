namespace CriuBench.Cli;

/// <summary>Checks that fail fast with what to do, before anything is created.</summary>
internal static class Preconditions
{
    public static bool IsRoot => geteuid() == 0;

    public static void RequireRoot()
    {
        if (!IsRoot)
            throw new InvalidOperationException("CriuBench drives CRIU, namespaces and tc, which need root: run it with sudo");
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
