using System.Text.Json;

namespace CriuBench.Workloads.Containers;

/// <summary>
/// One `podman container checkpoint|restore --print-stats` report: Podman's whole command, the
/// runtime's part (runc checkpoint/restore, which holds CRIU's) and the CRIU statistics Podman read
/// from stats-dump or stats-restore, all in microseconds as Podman prints them.
/// </summary>
public sealed record PodmanStatistics(TimeSpan Podman, TimeSpan? Runtime, IReadOnlyDictionary<string, long> Criu)
{
    /// <summary>Reads the JSON Podman prints; <paramref name="verb"/> is checkpoint or restore (its keys say which).</summary>
    /// <exception cref="FormatException">Not such a report; the message quotes what was missing.</exception>
    public static PodmanStatistics Parse(string json, string verb)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty($"podman_{verb}_duration", out var total))
                throw new FormatException($"podman {verb} --print-stats printed no podman_{verb}_duration: {Shorten(json)}");
            TimeSpan? runtime = null;
            var criu = new Dictionary<string, long>(StringComparer.Ordinal);
            if (root.TryGetProperty("container_statistics", out var containers) && containers.ValueKind == JsonValueKind.Array && containers.GetArrayLength() > 0)
            {
                var container = containers[0];
                if (container.TryGetProperty($"runtime_{verb}_duration", out var ran)) runtime = Microseconds(ran.GetInt64());
                if (container.TryGetProperty("criu_statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object)
                    foreach (var value in statistics.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.Number))
                        criu[value.Name] = value.Value.GetInt64();
            }
            return new PodmanStatistics(Microseconds(total.GetInt64()), runtime, criu);
        }
        catch (JsonException e)
        {
            throw new FormatException($"podman {verb} --print-stats printed no JSON ({e.Message}): {Shorten(json)}", e);
        }
    }

    private static TimeSpan Microseconds(long value) => TimeSpan.FromMicroseconds(value);

    private static string Shorten(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "...";
}
