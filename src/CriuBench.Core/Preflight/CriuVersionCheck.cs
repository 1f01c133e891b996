namespace CriuBench.Preflight;

/// <summary>
/// CRIU reads images only as new as itself: the destination must not be older than the source.
/// Migrations go both ways, so the hosts need the same version (the older one would refuse).
/// </summary>
public static class CriuVersionCheck
{
    /// <summary>Null when every host has the same CRIU; otherwise what differs and what to install.</summary>
    public static string? Problem(IReadOnlyList<HostFeatures> hosts)
    {
        var missing = hosts.Where(host => host.CriuVersion is null).Select(host => host.Host).ToList();
        if (missing.Count > 0)
            return $"CRIU is not installed on {string.Join(" and ", missing)}: install it there (see README, \"Your own machines\")";
        var ordered = hosts.OrderBy(host => ParseVersion(host.CriuVersion!)).ToList();
        var (oldest, newest) = (ordered[0], ordered[^1]);
        if (ParseVersion(oldest.CriuVersion!) == ParseVersion(newest.CriuVersion!)) return null;
        return $"CRIU {oldest.CriuVersion} on {oldest.Host} is older than CRIU {newest.CriuVersion} on {newest.Host}: "
            + $"{oldest.Host} cannot be sure to restore what {newest.Host} dumps, and migrations go both ways; install CRIU {newest.CriuVersion} on {oldest.Host}";
    }

    /// <summary>"4.1.1" as comparable numbers; a part that is not a number counts as 0.</summary>
    public static Version ParseVersion(string text)
    {
        var parts = text.Split('.', '-').Take(3).Select(part => int.TryParse(part, out var n) ? n : 0).ToList();
        while (parts.Count < 3) parts.Add(0);
        return new Version(parts[0], parts[1], parts[2]);
    }
}
