namespace CriuBench.Hosts.Ssh;

/// <summary>A hosts file that cannot be used; the message names the file and line, and what to write instead.</summary>
public sealed class HostsFileException(string message) : InvalidOperationException(message);
