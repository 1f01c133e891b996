using System.Globalization;

namespace CriuBench.Hosts;

/// <summary>
/// How to reach a host's sshd: used for copies between hosts and for network mounts. With a
/// <see cref="ControlDirectory"/>, connections are reused (ssh's ControlMaster): a migration then
/// pays for moving its checkpoint, not for an ssh handshake (about 0.3 s here) every time.
/// </summary>
public sealed record SshAccess(string User, string Address, int Port, string IdentityFile, string? ControlDirectory = null)
{
    public string Target => $"{User}@{Address}";

    private string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Non-interactive options; lab hosts get fresh keys per lab, so host keys are not pinned.</summary>
    private IReadOnlyList<string> CommonOptions =>
    [
        "-i", IdentityFile, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
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
        "-o", $"IdentityFile={IdentityFile},BatchMode=yes,StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,LogLevel=ERROR",
    ];
}
