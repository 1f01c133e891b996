namespace CriuBench.Hosts.Ssh;

/// <summary>
/// The machines a user already has, as a hosts file names them (see README, "Your own machines"):
/// exactly two hosts; for each, how the controller logs in and how the other host logs in.
/// </summary>
public sealed record HostsFile(string Path, IReadOnlyList<HostsFileEntry> Hosts)
{
    /// <summary>Where service workloads' clients run (never migrated); null: services are refused on these hosts.</summary>
    public HostsFileEntry? Client { get; init; }

    /// <summary>The floating address a service binds to, carried by the host it runs on; null with <see cref="Client"/>.</summary>
    public ServiceAddress? Service { get; init; }

    /// <summary>
    /// The one directory CriuBench uses on every host. Images and a workload's files keep their
    /// paths when they move, so both hosts must use the same one; it is not configurable.
    /// </summary>
    public const string WorkDirectory = HostPaths.Disk;

    public static HostsFile Load(string path)
    {
        if (!File.Exists(path))
            throw new HostsFileException($"hosts file {path} does not exist: write one as the README shows (section \"Your own machines\")");
        return HostsFileReader.Parse(File.ReadAllText(path), path);
    }
}

/// <summary>A floating service address both hosts may carry, on the interface named (the same name on both).</summary>
public sealed record ServiceAddress(string Address, string Interface);

/// <summary>One host of a hosts file, with the line it starts at (for messages about it).</summary>
public sealed record HostsFileEntry(SshEndpoint Endpoint, int Line)
{
    public string Name => Endpoint.Name;
}
