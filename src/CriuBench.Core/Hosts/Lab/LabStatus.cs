namespace CriuBench.Hosts.Lab;

/// <summary>What of a lab exists right now, read from the system rather than from saved state.</summary>
public sealed record LabStatus(string Name, bool StateDirectoryExists, IReadOnlyList<string> NetworkNamespaces,
    IReadOnlyList<string> MountNamespaces, int Processes, string? Rate)
{
    public bool IsUp => NetworkNamespaces.Count == LabLayout.AllHostNames.Length + 1 && MountNamespaces.Count == LabLayout.AllHostNames.Length;
    public bool IsAbsent => !StateDirectoryExists && NetworkNamespaces.Count == 0 && MountNamespaces.Count == 0 && Processes == 0;

    internal static LabStatus Read(LabLayout layout)
    {
        var net = LabLayout.AllHostNames.Select(layout.NetworkNamespace).Append(layout.SwitchNamespace)
            .Where(ns => NamespaceProcesses.IdentityOf($"/run/netns/{ns}", "net") is not null).ToList();
        var mnt = LabLayout.AllHostNames.Where(h => NamespaceProcesses.IdentityOf(layout.MountNamespaceFile(h), "mnt") is not null).ToList();
        var ids = NamespaceProcesses.OfLab(layout);
        var processes = ids.Count == 0 ? 0 : NamespaceProcesses.Find(ids).Count;
        string? rate = null;
        if (File.Exists(layout.StateFile))
            rate = System.Text.Json.JsonDocument.Parse(File.ReadAllText(layout.StateFile)).RootElement.GetProperty("Rate").GetString();
        return new LabStatus(layout.Name, Directory.Exists(layout.StateDirectory), net, mnt, processes, rate);
    }
}
