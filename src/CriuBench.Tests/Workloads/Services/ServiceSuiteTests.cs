using CriuBench.Preflight;
using CriuBench.Running;
using CriuBench.Suites;
using CriuBench.Workloads;

namespace CriuBench.Tests.Workloads.Services;

/// <summary>Service workloads in suites: how they read, and what is refused when the suite loads, with the reason.</summary>
[Trait("Category", "Unit")]
public sealed class ServiceSuiteTests
{
    private static HostFeatures Host(string name, bool sockets = true) =>
        HostFeatures.Unknown(name, "lab-netns") with { CriuWorks = true, Uffd = true, CriuVersion = "4.2.1", DumpsSockets = sockets,
            SocketDumpProblem = sockets ? null : "Error (criu/sockets.c:628): sockets: Can't get 1:16 opt: Operation not supported" };

    [Fact]
    public void A_user_service_has_its_address_put_in_both_command_lines_where_it_starts()
    {
        var suite = SuiteLoader.Parse("""
            workloads:
              - name: my-kv
                service: [bash, -c, "echo {address}"]
                client: [bash, -c, "echo {address}:11211"]
                output: counter-timestamp
                check: {field: 6, equals: ok}
                client_fields: {latency_us: 3, failed: 4, connects: 5}
                connections: 2
            """);

        var spec = suite.Workloads[0].At("198.19.0.10");

        Assert.Equal(["bash", "-c", "echo 198.19.0.10"], spec.Command);
        Assert.Equal(["bash", "-c", "echo 198.19.0.10:11211"], spec.Service!.Client);
        Assert.Equal(2, spec.Service.Connections);
        Assert.True(spec.Service.TcpEstablished);
        Assert.Equal(["--tcp-established"], CriuBench.Criu.CriuOptions.Render(spec.SocketOptions));
    }

    [Fact]
    public void Redis_without_tcp_established_closes_its_connections_and_says_so_in_its_name()
    {
        var suite = SuiteLoader.Parse("workloads:\n  - { builtin: redis, dataset_mib: 64, tcp_established: false }");
        var spec = suite.Workloads[0];

        Assert.Equal("redis-64m-reconnect", spec.Name);
        Assert.Equal(["--tcp-close"], CriuBench.Criu.CriuOptions.Render(spec.SocketOptions));
        Assert.Equal(64L * 1024 * 1024, spec.MinimumImageBytes);
        Assert.Contains("fill", spec.Service!.Fill!);
        Assert.Contains("verify", spec.Service.Verify!);
    }

    [Theory]
    [InlineData("    command: [bash]\n    service: [bash]\n    client: [bash]", "has both 'service' and 'command'")]
    [InlineData("    command: [bash]\n    client: [bash]", "'client' belongs to a service")]
    [InlineData("    service: [bash]", "'client'")]
    [InlineData("    service: [bash]\n    client: [no-such-program-here]", "is not on PATH")]
    public void A_user_service_written_wrong_is_refused_at_its_line(string keys, string expected)
    {
        var error = Assert.Throws<SuiteException>(() => SuiteLoader.Parse($"workloads:\n  - name: svc\n    output: counter\n{keys}\n"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Services_are_refused_without_a_client_host_without_socket_dumps_and_under_docker_each_with_its_reason()
    {
        var suite = SuiteLoader.Parse("""
            workloads:
              - redis
              - counter
              - { name: dkv, engine: docker, service: [redis-server], client: [bash], output: counter }
            """);

        var noClient = RunPlan.Build(suite, [Host("src"), Host("dst")], canShapeLink: true, servicesMissing: "the vm-qemu lab has no third VM");
        Assert.Equal(["counter"], noClient.Cells.Select(cell => cell.Spec.Name).Distinct());
        Assert.Contains(noClient.Refused, cell => cell.Workload == "redis" && cell.Reason.Contains("the vm-qemu lab has no third VM"));

        var oldCriu = RunPlan.Build(suite, [Host("src"), Host("dst", sockets: false)], canShapeLink: true);
        Assert.Contains(oldCriu.Refused, cell => cell.Workload == "redis" && cell.Reason.Contains("cannot dump a process holding a TCP socket on dst")
            && cell.Reason.Contains("Can't get 1:16 opt"));

        var lab = RunPlan.Build(suite, [Host("src"), Host("dst")], canShapeLink: true);
        Assert.Contains(lab.Cells, cell => cell.Spec.Name == "redis");
        Assert.Contains(lab.Refused, cell => cell.Workload == "dkv" && cell.Reason.Contains("cannot pass --tcp-established"));
    }
}
