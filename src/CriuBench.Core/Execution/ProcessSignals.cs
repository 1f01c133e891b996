namespace CriuBench.Execution;

/// <summary>kill(2) with any signal: .NET's Process.Kill sends only SIGKILL.</summary>
internal static class ProcessSignals
{
    public const int Interrupt = 2, Kill = 9, Terminate = 15, Continue = 18, Stop = 19;

    /// <returns>Whether the process existed and took the signal.</returns>
    public static bool Send(int pid, int signal) => kill(pid, signal) == 0;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
