using CriuBench.Execution;
using CriuBench.Hosts;

namespace CriuBench.Archive;

/// <summary>Copies one file from a host to this machine, streamed: a big file never sits in memory.</summary>
public static class HostFileCopy
{
    /// <summary>
    /// True when <paramref name="remotePath"/> on <paramref name="host"/> was copied to <paramref name="localPath"/>;
    /// false (and no local file) when it is missing there or cannot be read.
    /// </summary>
    public static async Task<bool> TryCopyAsync(IHost host, string remotePath, string localPath, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(localPath))!);
        CommandResult result;
        await using (var file = new FileStream(localPath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16, useAsync: true))
            result = await host.RunStreamingAsync(Command.Of("cat", "--", remotePath), stream => stream.CopyToAsync(file, ct), ct);
        if (result.Succeeded) return true;
        File.Delete(localPath);
        return false;
    }
}
