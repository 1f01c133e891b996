using CriuBench.Execution;

namespace CriuBench.Hosts;

/// <summary>
/// A tar archive of files on the controller, made in memory, and unpacked on a host through the
/// command's standard input (base64, since a command's input is text): it works the same on every
/// host kind, with modes and symlinks kept, and nothing is written to the controller's disk.
/// </summary>
public static class ControllerTar
{
    public static async Task<byte[]> CreateAsync(string directory, IReadOnlyList<string> members, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var result = await ProcessRunner.Instance.RunStreamingAsync(
            Command.Of("tar", ["-C", directory, "--numeric-owner", "-c", "--", .. members]), stream => stream.CopyToAsync(buffer, ct), ct);
        result.EnsureSuccess();
        return buffer.ToArray();
    }

    /// <summary>Unpacks <paramref name="archive"/> into <paramref name="directory"/> on the host (made if missing).</summary>
    public static async Task ExtractTarAsync(this IHost host, byte[] archive, string directory, CancellationToken ct)
    {
        var unpack = Command.Of("bash", "-c", """set -o pipefail; mkdir -p "$1" && base64 -d | tar -C "$1" --no-same-owner -x""", "unpack", directory)
            with { StandardInput = Convert.ToBase64String(archive) };
        await host.RunCheckedAsync(unpack, ct);
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="directory"/>/<paramref name="name"/> on the host.</summary>
    public static async Task ExtractFileAsync(this IHost host, byte[] bytes, string directory, string name, CancellationToken ct)
    {
        var write = Command.Of("bash", "-c", """set -o pipefail; mkdir -p "$1" && base64 -d > "$1/$2" """, "write", directory, name)
            with { StandardInput = Convert.ToBase64String(bytes) };
        await host.RunCheckedAsync(write, ct);
    }
}
