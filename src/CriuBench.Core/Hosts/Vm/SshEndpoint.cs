using System.Globalization;
using CriuBench.Execution;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// Everything needed to reach one sshd with host-key checking on: the address and port, who to
/// log in as, the key, and the known_hosts file that holds exactly the host's key. For the
/// controller the files are on the controller; for a VM's peer they are inside that VM.
/// </summary>
public sealed record SshEndpoint(string Name, string Address, int Port, string User, string IdentityFile, string KnownHostsFile)
{
    /// <summary>Where ControlMaster sockets go; null: every command opens its own connection.</summary>
    public string? ControlDirectory { get; init; }

    public string Target => $"{User}@{Address}";

    private string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Non-interactive, with the host key checked against <see cref="KnownHostsFile"/> only.</summary>
    public IReadOnlyList<string> SshOptions =>
    [
        "-i", IdentityFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=yes", "-o", $"UserKnownHostsFile={KnownHostsFile}", "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR",
        .. ControlDirectory is null ? [] : (string[])
        [
            "-o", "ControlMaster=auto", "-o", $"ControlPath={ControlDirectory}/cm-%C", "-o", "ControlPersist=600",
        ],
        "-p", PortText,
    ];

    /// <summary>
    /// <paramref name="command"/> run on this host. ssh joins its arguments into one line for the
    /// remote shell, so each word is quoted here; the list itself is never concatenated.
    /// </summary>
    public Command Wrap(Command command, params IEnumerable<string> moreOptions) =>
        new Command("ssh", [.. SshOptions, .. moreOptions, Target, "--", ShellQuoting.CommandLine(command)])
        {
            StandardInput = command.StandardInput,
            Timeout = command.Timeout,
        };

    /// <summary>One known_hosts line for this endpoint's host key (ssh spells non-22 ports as [host]:port).</summary>
    public string KnownHostsLine(string publicKey) =>
        $"{(Port == 22 ? Address : $"[{Address}]:{PortText}")} {PublicKeyWithoutComment(publicKey)}";

    private static string PublicKeyWithoutComment(string publicKey) =>
        string.Join(' ', publicKey.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
}
