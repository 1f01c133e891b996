using CriuBench.Logging;

namespace CriuBench.Transfer.SharedFilesystem;

/// <summary>Every shared filesystem, so a start cleans up after any of them (they share the mount point). A new one is one line here.</summary>
public static class SharedFilesystems
{
    public static IReadOnlyList<ISharedFilesystem> All(ILog? log = null) => [new SshfsSharedFilesystem(), new NfsSharedFilesystem(log)];
}
