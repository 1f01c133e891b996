namespace CriuBench.Hosts;

/// <summary>How to reach a host's sshd: used for copies between hosts and for network mounts.</summary>
public sealed record SshAccess(string User, string Address, int Port, string IdentityFile)
{
    public string Target => $"{User}@{Address}";

    /// <summary>Non-interactive client options; lab hosts get fresh keys per lab, so host keys are not pinned.</summary>
    public IReadOnlyList<string> ClientOptions =>
    [
        "-i", IdentityFile, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR",
    ];

    /// <summary>The same options in the form sshfs takes (-o key=value).</summary>
    public IReadOnlyList<string> SshfsOptions =>
    [
        "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-o", $"IdentityFile={IdentityFile},BatchMode=yes,StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,LogLevel=ERROR",
    ];
}
