using CriuBench.Execution;

namespace CriuBench.Hosts.Lab;

/// <summary>Fresh keys per lab and one sshd per host, listening only on its lab address.</summary>
internal static class LabSsh
{
    public static IEnumerable<Command> CreateKeys(LabLayout layout)
    {
        yield return Command.Of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", $"criubench-{layout.Name}", "-f", layout.ClientKey);
        yield return Command.Of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", HostKey(layout));
        yield return Command.Of("cp", layout.ClientKey + ".pub", AuthorizedKeys(layout));
    }

    /// <summary>
    /// The lab made its hosts' key, so it knows it exactly: connections check it as with real
    /// machines, and a stray sshd answering on a lab address would be refused.
    /// </summary>
    public static string KnownHosts(LabLayout layout) =>
        string.Concat(LabLayout.HostNames.Select(host => $"{LabLayout.AddressOf(host)} {File.ReadAllText(HostKey(layout) + ".pub").Trim()}\n"));

    public static string Config(LabLayout layout, string host) => $"""
        ListenAddress {LabLayout.AddressOf(host)}
        HostKey {HostKey(layout)}
        AuthorizedKeysFile {AuthorizedKeys(layout)}
        PidFile {layout.SshDirectory}/sshd-{host}.pid
        PermitRootLogin prohibit-password
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        UseDNS no
        MaxStartups 100
        Subsystem sftp internal-sftp

        """;

    public static string ConfigFile(LabLayout layout, string host) => $"{layout.SshDirectory}/sshd-{host}.conf";

    public static Command StartDaemon(LabLayout layout, string host) =>
        Command.Of("/usr/sbin/sshd", "-f", ConfigFile(layout, host), "-E", LogFile(layout, host));

    /// <summary>sshd writes even its start-up errors there (-E), not to stderr; a failed lab's teardown deletes it.</summary>
    public static string LogFile(LabLayout layout, string host) => $"{layout.SshDirectory}/sshd-{host}.log";

    /// <summary>The last lines sshd logged, for an error that says why it did not start.</summary>
    public static string LogTail(LabLayout layout, string host) =>
        File.Exists(LogFile(layout, host)) && File.ReadLines(LogFile(layout, host)).TakeLast(3).ToList() is { Count: > 0 } lines
            ? string.Join(" / ", lines.Select(line => line.Trim()))
            : "it logged nothing";

    /// <summary>A trivial login from one host to the other: proves the link, the keys and the daemon.</summary>
    public static Command Probe(SshAccess target) =>
        Command.Of("ssh", [.. target.SshOptions, "-o", "ConnectTimeout=2", target.Target, "true"]);

    public static string KnownHostsFile(LabLayout layout) => $"{layout.SshDirectory}/known_hosts";

    private static string HostKey(LabLayout layout) => $"{layout.SshDirectory}/ssh_host_ed25519_key";
    private static string AuthorizedKeys(LabLayout layout) => $"{layout.SshDirectory}/authorized_keys";
}
