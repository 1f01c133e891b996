namespace CriuBench.Hosts.Lab;

/// <summary>What a lab's teardown found and removed, so nothing is cleaned silently.</summary>
internal sealed record TeardownReport(
    IReadOnlyList<string> NetworkNamespaces,
    IReadOnlyList<string> MountNamespaces,
    IReadOnlyDictionary<string, int> ProcessesByKind,
    IReadOnlyList<string> Mounts,
    IReadOnlyList<RescuedImages> Images)
{
    public bool IsEmpty => NetworkNamespaces.Count == 0 && MountNamespaces.Count == 0 && ProcessesByKind.Count == 0 && Mounts.Count == 0 && Images.Count == 0;

    /// <summary>"3 processes (2 sshd, 1 ticker), network namespaces a, b, host mount namespaces c, d, mounts e".</summary>
    public string DescribeRemoved()
    {
        var parts = new List<string>();
        var processes = ProcessesByKind.Values.Sum();
        if (processes > 0)
            parts.Add($"{processes} processes stopped ({string.Join(", ", ProcessesByKind.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"))})");
        if (NetworkNamespaces.Count > 0) parts.Add($"network namespaces {string.Join(", ", NetworkNamespaces)}");
        if (MountNamespaces.Count > 0) parts.Add($"host mount namespaces {string.Join(", ", MountNamespaces)}");
        if (Mounts.Count > 0) parts.Add($"mounts {string.Join(", ", Mounts)}");
        return parts.Count > 0 ? string.Join("; ", parts) : "nothing but its directories";
    }
}

/// <summary>Images found on a host's disk (as the host saw them) and where that disk was moved.</summary>
internal sealed record RescuedImages(string Host, IReadOnlyList<string> Directories, string KeptIn)
{
    public string Describe() =>
        $"images of an interrupted or lost migration on {Host}: {string.Join(", ", Directories)}; kept with {Host}'s files in {KeptIn} "
        + $"(each {Host} path {Hosts.HostPaths.Disk}/X is now {KeptIn}/X)";
}
