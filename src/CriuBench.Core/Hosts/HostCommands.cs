using System.Globalization;
using CriuBench.Execution;

namespace CriuBench.Hosts;

/// <summary>Small file operations on a host, built from plain commands so they work on any host kind.</summary>
public static class HostCommands
{
    public static async Task<CommandResult> RunCheckedAsync(this IHost host, Command command, CancellationToken ct = default) =>
        (await host.RunAsync(command, ct)).EnsureSuccess();

    public static Task MakeDirectoryAsync(this IHost host, string path, CancellationToken ct = default) =>
        host.RunCheckedAsync(Command.Of("mkdir", "-p", path), ct);

    public static Task RemoveAsync(this IHost host, string path, CancellationToken ct = default) =>
        host.RunCheckedAsync(Command.Of("rm", "-rf", "--one-file-system", path), ct);

    public static async Task<long?> FileSizeAsync(this IHost host, string path, CancellationToken ct = default)
    {
        var result = await host.RunAsync(Command.Of("stat", "-c", "%s", path), ct);
        return result.Succeeded ? long.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
    public static async Task<byte[]> ReadBytesAsync(this IHost host, string path, long offset, long count, CancellationToken ct = default)
    {
        var command = Command.Of("dd", $"if={path}", "bs=65536", "iflag=skip_bytes,count_bytes",
            $"skip={offset.ToString(CultureInfo.InvariantCulture)}", $"count={count.ToString(CultureInfo.InvariantCulture)}", "status=none");
        using var buffer = new MemoryStream();
        var result = await host.RunStreamingAsync(command, stream => stream.CopyToAsync(buffer, ct), ct);
        result.EnsureSuccess();
        return buffer.ToArray();
    }

    /// <summary>Creates or replaces a file with <paramref name="text"/>.</summary>
    public static Task WriteTextAsync(this IHost host, string path, string text, CancellationToken ct = default) =>
        host.RunCheckedAsync(Command.Of("dd", $"of={path}", "status=none") with { StandardInput = text }, ct);

    public static async Task<string> ReadTextAsync(this IHost host, string path, CancellationToken ct = default) =>
        (await host.RunCheckedAsync(Command.Of("cat", path), ct)).StandardOutput;

    /// <summary>The file's text, or null where it is missing or unreadable (e.g. a log a failed step never wrote).</summary>
    public static async Task<string?> TryReadTextAsync(this IHost host, string path, CancellationToken ct = default)
    {
        var result = await host.RunAsync(Command.Of("cat", path), ct);
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>The file's bytes in one command, or null where it is missing or unreadable.</summary>
    public static async Task<byte[]?> TryReadBytesAsync(this IHost host, string path, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var result = await host.RunStreamingAsync(Command.Of("cat", path), stream => stream.CopyToAsync(buffer, ct), ct);
        return result.Succeeded ? buffer.ToArray() : null;
    }

    /// <summary>Regular files directly in a directory, with their sizes in bytes.</summary>
    public static async Task<IReadOnlyList<(string Name, long Bytes)>> ListFilesAsync(this IHost host, string directory, CancellationToken ct = default)
    {
        var result = await host.RunCheckedAsync(Command.Of("find", directory, "-maxdepth", "1", "-type", "f", "-printf", "%f\\t%s\\n"), ct);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
