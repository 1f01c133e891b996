namespace CriuBench.Timeline;

/// <summary>
/// The timeline's tracks besides one per host (the commands run there): the harness's phases,
/// CRIU's own phases from its statistics, the transfer's steps, and the workload's own lines. The
/// trace shows them by role (<see cref="Roles"/>): what the controller did, what ran on each host,
/// what crossed the link.
/// </summary>
public static class Tracks
{
    public const string Phases = "migration";
    public const string Criu = "criu";
    public const string Transfer = "transfer";
    public const string Workload = "workload";
}

/// <summary>The trace's tracks, one per role: the controller, each host by its name, the link.</summary>
public static class Roles
{
    public const string Controller = "controller";
    public const string Link = "link";

    /// <summary>The controller first, then the hosts (src, dst, a client), the link last; other host names between, by name.</summary>
    public static int Order(string role) => role switch
    {
        Controller => 0,
        "src" => 1,
        "dst" => 2,
        "client" => 3,
        Link => 9,
        _ => 4,
    };
}
