namespace CriuBench.Cli;

/// <summary>A command line that cannot be used; the message names the option and what to write instead (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
