using System.Globalization;
using System.Text;

namespace CriuBench.Hosts.Vm;

/// <summary>
/// A hosts file for a VM lab that is up (`lab up --kind vm` writes it): the two VMs as the ssh
/// provider sees any two machines, with the keys and known_hosts the lab made. Running a suite
/// with `--hosts` and this file drives the VMs through the same path as a user's own machines.
/// </summary>
public static class VmHostsFile
{
    public static string PathOf(VmLayout layout) => $"{layout.StateDirectory}/hosts.yaml";

    public static string Render(VmLayout layout)
    {
        var yaml = new StringBuilder("# The VM lab ").Append(layout.Name).Append("'s two VMs, written by `criubench lab up --kind vm`; valid while it is up.\nhosts:\n");
        foreach (var machine in VmLayout.VmNames.Select(vm => VmMachine.Of(layout, vm)))
        {
            var (control, peer) = (machine.Endpoint.Control, machine.Endpoint.Peer);
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - name: {machine.Name}
                    address: {control.Address}
                    port: {control.Port}
                    user: {control.User}
                    identity: {control.IdentityFile}
                    known_hosts: {control.KnownHostsFile}
                    peer:
                      address: {peer.Address}
                      port: {peer.Port}
                      identity: {peer.IdentityFile}
                      known_hosts: {peer.KnownHostsFile}

                """);
        }
        return yaml.ToString();
    }

    public static async Task<string> WriteAsync(VmLayout layout, CancellationToken ct)
    {
        var path = PathOf(layout);
        await File.WriteAllTextAsync(path, Render(layout), ct);
        return path;
    }
}
