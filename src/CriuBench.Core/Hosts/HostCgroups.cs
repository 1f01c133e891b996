using CriuBench.Execution;

namespace CriuBench.Hosts;

/// <summary>
/// Where containers started for a host have their cgroups: /criubench/&lt;host identity&gt;/... in
/// every cgroup hierarchy. One subtree per host, so stopping a host's engine, or tearing down
/// its lab after a crash, removes exactly that host's cgroups and nothing of anyone else's.
/// </summary>
public static class HostCgroups
{
    /// <summary>The directory below each hierarchy's root that holds every host's subtree.</summary>
    public const string Top = "criubench";

    /// <summary>The cgroup path (as runc's cgroupsPath and dockerd's --cgroup-parent take it) of a host's subtree.</summary>
    public static string Scope(string hostIdentity) => $"/{Top}/{hostIdentity}";

    public static string Scope(IHost host) => Scope(host.Identity);

    /// <summary>
    /// Removes a host's subtree from every mounted cgroup hierarchy (v1 and v2), deepest first, then
    /// the shared top directory if nothing else is left in it. rmdir only ever removes empty
    /// cgroups, so a cgroup that still holds a process stays, and the command fails naming it.
    /// </summary>
    public static Command RemoveScope(string hostIdentity, bool onController = false) => Cgroups("remove", hostIdentity, onController);

    /// <summary>
    /// Thaws a host's subtree. A checkpoint interrupted by a crash can leave a container frozen,
    /// and a task frozen by the v1 freezer does not die of SIGKILL until it is thawed.
    /// </summary>
    public static Command ThawScope(string hostIdentity, bool onController = false) => Cgroups("thaw", hostIdentity, onController);

    /// <summary>workloads/host/cgroups.sh; the netns lab's teardown runs it on the controller (its hosts share the controller's cgroups), with or without a lab up.</summary>
    private static Command Cgroups(string action, string hostIdentity, bool onController) =>
        onController ? HostAssets.ScriptOnController("cgroups.sh", action, Top, hostIdentity) : HostAssets.Script("cgroups.sh", action, Top, hostIdentity);
}
