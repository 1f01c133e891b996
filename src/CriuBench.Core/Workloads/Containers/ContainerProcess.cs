namespace CriuBench.Workloads.Containers;

/// <summary>How a workload's command runs as a container's process.</summary>
public static class ContainerProcess
{
    /// <summary>
    /// The workload's command with stdin, stdout and stderr moved onto files inside the container
    /// before it starts. CRIU cannot dump an fd open on a host file outside the container ("Can't
    /// lookup mount"), and the runtime hands the container the runtime's own stdio. Only the
    /// workload writes <paramref name="output"/>: CRIU checks its size on restore.
    /// </summary>
    public static IReadOnlyList<string> Arguments(IReadOnlyList<string> command, string output, string errors) =>
        ["sh", "-c", "exec </dev/null >>\"$1\" 2>>\"$2\"; shift 2; exec \"$@\"", "workload", output, errors, .. command];
}
