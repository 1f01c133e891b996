using System.Globalization;

namespace CriuBench.Hosts;

/// <summary>
/// How to reach a host's sshd: used for copies between hosts, network mounts, and (for remote
/// hosts) every command the controller runs there. With a <see cref="KnownHostsFile"/> the host's
/// key is checked (StrictHostKeyChecking=yes): an unknown or changed key refuses the connection.
/// With a <see cref="ControlDirectory"/>, connections are reused (ssh's ControlMaster): a migration
/// then pays for moving its checkpoint, not for an ssh handshake every time.
/// </summary>
/// <param name="IdentityFile">The private key, on the machine that opens the connection.</param>
/// <param name="KnownHostsFile">Host keys to check against, on the machine that opens the connection; null: not checked.</param>
public sealed record SshAccess(string User, string Address, int Port, string IdentityFile, string? ControlDirectory = null, string? KnownHostsFile = null)
{
    public string Target => $"{User}@{Address}";

    private string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>How ssh names this host in a known_hosts file: [address]:port unless the port is 22.</summary>
    public string KnownHostsName => Port == 22 ? Address : $"[{Address}]:{PortText}";

    private IReadOnlyList<string> HostKeyOptions => KnownHostsFile is null
        ? ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"]
        : ["-o", "StrictHostKeyChecking=yes", "-o", $"UserKnownHostsFile={KnownHostsFile}", "-o", "GlobalKnownHostsFile=/dev/null"];

    private IReadOnlyList<string> CommonOptions =>
    [
        "-i", IdentityFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", .. HostKeyOptions, "-o", "LogLevel=ERROR",
        .. ControlDirectory is null ? [] : (string[])
        [
            "-o", "ControlMaster=auto", "-o", $"ControlPath={ControlDirectory}/cm-%C", "-o", "ControlPersist=300",
        ],
    ];

    public IReadOnlyList<string> SshOptions => [.. CommonOptions, "-p", PortText];

    /// <summary>scp spells the port -P.</summary>
    public IReadOnlyList<string> ScpOptions => [.. CommonOptions, "-P", PortText];

    /// <summary>The same options in the form sshfs takes.</summary>
    public IReadOnlyList<string> SshfsOptions =>
    [
        "-p", PortText,
        "-o", $"IdentityFile={IdentityFile},IdentitiesOnly=yes,BatchMode=yes,LogLevel=ERROR," + (KnownHostsFile is null
            ? "StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null"
            : $"StrictHostKeyChecking=yes,UserKnownHostsFile={KnownHostsFile},GlobalKnownHostsFile=/dev/null"),
    ];
}
