namespace CriuBench.Hosts.Ssh;

/// <summary>
/// A host the controller reaches over ssh, and how the other host reaches it.
/// </summary>
/// <param name="Name">The host's role name in rows and logs (e.g. "src", "dst").</param>
/// <param name="Control">How the controller logs in (key and known_hosts on the controller); host keys are always checked.</param>
/// <param name="Peer">How the other host logs in here (key and known_hosts on the other host).</param>
public sealed record SshEndpoint(string Name, SshAccess Control, SshAccess Peer);
