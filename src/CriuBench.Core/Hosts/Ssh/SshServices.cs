namespace CriuBench.Hosts.Ssh;

/// <summary>
/// Your own machines' client host and floating service address (hosts file: client, service):
/// the address is taken off the host the service leaves and put on the one it comes to
/// (workloads/host/service-address.sh, which also announces it with a gratuitous ARP, and holds
/// back the destination's TCP resets from the address while the restore runs).
/// </summary>
internal sealed class SshServices(IHost client, ServiceAddress service, IReadOnlyList<IHost> hosts) : IServiceNetwork
{
    public IHost Client { get; } = client;
    public string Address => service.Address;

    public async Task MoveAsync(string from, string to, CancellationToken ct)
    {
        if (from == to) return;
        await Host(from).RunCheckedAsync(HostAssets.Script("service-address.sh", "del", service.Address, service.Interface), ct);
        await Host(to).RunCheckedAsync(HostAssets.Script("service-address.sh", "add", service.Address, service.Interface), ct);
    }

    public Task HoldResetsAsync(string on, CancellationToken ct) =>
        Host(on).RunCheckedAsync(HostAssets.Script("service-address.sh", "hold-resets", service.Address, service.Interface), ct);

    public Task ReleaseResetsAsync(string on, CancellationToken ct) =>
        Host(on).RunCheckedAsync(HostAssets.Script("service-address.sh", "release-resets", service.Address, service.Interface), ct);

    /// <summary>Before the first workload: the address on the first host only.</summary>
    public async Task PlaceAsync(CancellationToken ct)
    {
        foreach (var host in hosts.Skip(1))
            await host.RunCheckedAsync(HostAssets.Script("service-address.sh", "del", service.Address, service.Interface), ct);
        await hosts[0].RunCheckedAsync(HostAssets.Script("service-address.sh", "add", service.Address, service.Interface), ct);
    }

    /// <summary>At the end: off every host, as before the run.</summary>
    public async Task RemoveAsync(CancellationToken ct)
    {
        foreach (var host in hosts)
            await host.RunAsync(HostAssets.Script("service-address.sh", "del", service.Address, service.Interface), ct);
    }

    private IHost Host(string name) => hosts.FirstOrDefault(host => host.Name == name)
        ?? throw new InvalidOperationException($"no host named {name} carries the service address");
}
