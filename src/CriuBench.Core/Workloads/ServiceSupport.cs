using CriuBench.Preflight;

namespace CriuBench.Workloads;

/// <summary>
/// Whether a service workload can run in a cell, asked when the suite loads: the hosts need a
/// client host and a service address, CRIU that dumps TCP sockets on every host, and an engine
/// that passes the socket option its connections need.
/// </summary>
public static class ServiceSupport
{
    /// <param name="servicesMissing">Why the hosts have no client host and service address; null when they have them.</param>
    public static Support Check(Combination combination, string? servicesMissing)
    {
        if (combination.Workload.Service is not { } service) return Support.Yes;
        var engine = combination.Engine;
        return Support.Unless(servicesMissing is null, $"{combination.Workload.Name} is a service, and its clients need a client host and a service address that moves with it: {servicesMissing}")
            .Then(() => Support.Unless(combination.HostsWithout(host => host.DumpsSockets) is null,
                $"CRIU {combination.Hosts[0].CriuVersion} cannot dump a process holding a TCP socket on {combination.HostsWithout(host => host.DumpsSockets)} "
                + $"(the preflight's probe, dumped with --tcp-established, failed: {combination.Hosts.FirstOrDefault(host => !host.DumpsSockets)?.SocketDumpProblem ?? "no reason given"}); "
                + (combination.Hosts[0].CriuVersion == "4.2.1" ? "so service workloads are refused there"
                    : "CRIU 4.2.1 can (scripts/build-criu.sh 4.2.1), so service workloads are refused with this CRIU")))
            .Then(() => Support.Unless(!service.TcpEstablished || engine.TcpEstablished,
                $"`{engine.Checkpointer}` cannot pass --tcp-established, so the service's TCP connections cannot be dumped: use engine process, runc or podman"))
            .Then(() => Support.Unless(service.TcpEstablished || engine.TcpClose,
                $"`{engine.Checkpointer}` cannot pass --tcp-close, which a service dumped without its connections (tcp_established: false) needs: use engine process"));
    }
}
