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
    public static Command RemoveScope(string hostIdentity) => Command.Of("bash", "-c", RemoveScript, "remove-cgroups", Top, hostIdentity);

    /// <summary>
    /// Thaws a host's subtree. A checkpoint interrupted by a crash can leave a container frozen,
    /// and a task frozen by the v1 freezer does not die of SIGKILL until it is thawed.
    /// </summary>
    public static Command ThawScope(string hostIdentity) => Command.Of("bash", "-c", ThawScript, "thaw-cgroups", Top, hostIdentity);

    private const string ThawScript = """
        top=$1 scope=$2
        for root in $(findmnt -rn -t cgroup,cgroup2 -o TARGET); do
          dir=$root/$top/$scope
          [ -d "$dir" ] || continue
          # Every level: a v1 cgroup frozen by itself stays frozen when its parent thaws.
          find "$dir" -name freezer.state -exec sh -c 'for f; do echo THAWED > "$f"; done' thaw {} +
          find "$dir" -name cgroup.freeze -exec sh -c 'for f; do echo 0 > "$f"; done' thaw {} +
        done
        exit 0
        """;

    private const string RemoveScript = """
        top=$1 scope=$2 left=0
        for root in $(findmnt -rn -t cgroup,cgroup2 -o TARGET); do
          dir=$root/$top/$scope
          if [ -d "$dir" ]; then
            find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null
            if [ -d "$dir" ]; then echo "cgroup $dir is still in use" >&2; left=1; fi
          fi
          rmdir "$root/$top" 2>/dev/null
        done
        exit $left
        """;
}
