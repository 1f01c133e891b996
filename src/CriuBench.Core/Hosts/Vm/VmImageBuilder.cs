using System.Text;
using CriuBench.Execution;
using CriuBench.Logging;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// Builds or reuses the cached VM image by running scripts/vm/build-image.sh (Debian packages
/// only; the first build takes minutes, a cached one seconds). Its progress lines are passed on
/// to the log as they come.
/// </summary>
public static class VmImageBuilder
{
    public const string ProgressPrefix = "vm-image: ";

    public static string Script => Locate();

    /// <summary>The script with its stderr (progress) merged into stdout, so both stream in order.</summary>
    public static Command Build(string script) =>
        Command.Of("bash", "-c", "exec \"$0\" 2>&1", script).WithTimeout(TimeSpan.FromMinutes(40));

    public static async Task<VmImage> EnsureAsync(ICommandRunner runner, ILog log, CancellationToken ct)
    {
        var lines = new List<string>();
        var result = await runner.RunStreamingAsync(Build(Script), async stream =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith(ProgressPrefix, StringComparison.Ordinal)) log.Info(line);
            }
        }, ct);
        if (!result.Succeeded)
            throw new InvalidOperationException($"building the VM image failed (exit {result.ExitCode}):\n{string.Join('\n', lines.TakeLast(20))}");
        return ParseImage(lines);
    }

    /// <summary>The image directory: the last line that is not progress.</summary>
    public static VmImage ParseImage(IEnumerable<string> lines)
    {
        var directory = lines.LastOrDefault(line => line.StartsWith('/'));
        if (directory is null) throw new InvalidOperationException("build-image.sh printed no image directory");
        var image = new VmImage(directory.Trim());
        foreach (var file in new[] { image.Base, image.Kernel, image.Initrd })
            if (!File.Exists(file)) throw new FileNotFoundException($"the VM image lacks {file}: remove {image.Directory} and build again", file);
        return image;
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CRIUBENCH_VM_SCRIPTS");
        if (!string.IsNullOrEmpty(fromEnvironment)) return Path.Combine(Path.GetFullPath(fromEnvironment), "build-image.sh");
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scripts", "vm", "build-image.sh");
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException("cannot find scripts/vm/build-image.sh: run from the CriuBench repository or set CRIUBENCH_VM_SCRIPTS");
    }
}
