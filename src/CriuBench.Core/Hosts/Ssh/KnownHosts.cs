using CriuBench.Execution;

namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Whether a known_hosts file already holds a host's key, asked before any connection is made:
/// with StrictHostKeyChecking=yes ssh would refuse anyway, but only with "Host key verification
/// failed", while this says which file lacks which host and the command that adds it.
/// </summary>
public static class KnownHosts
{
    /// <summary>Succeeds when the file lists the host (hashed entries too).</summary>
    public static Command Lookup(SshAccess access) =>
        Command.Of("ssh-keygen", "-F", access.KnownHostsName, "-f", KnownHostsFileOf(access));

    /// <summary>What a user runs (where the file is) to add the key, after checking its fingerprint.</summary>
    public static string AddCommand(SshAccess access) =>
        $"{Command.Of("ssh-keyscan", "-p", access.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-H", access.Address)} >> {ShellQuoting.Quote(KnownHostsFileOf(access))}";

    /// <summary>The refusal: which key is missing where, and how to add it.</summary>
    public static string Unknown(SshAccess access, string where) =>
        $"the host key of {access.KnownHostsName} is not in {KnownHostsFileOf(access)} {where}: "
        + $"add it with `{AddCommand(access)}` (run that {where}), after checking that the fingerprint "
        + $"`ssh-keyscan -p {access.Port} {access.Address} | ssh-keygen -lf -` prints is the one the host itself shows with `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`";

    private static string KnownHostsFileOf(SshAccess access) =>
        access.KnownHostsFile ?? throw new ArgumentException($"no known_hosts file for {access.Target}: hosts are always checked");
}
