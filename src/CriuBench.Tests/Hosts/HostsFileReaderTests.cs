using CriuBench.Hosts;
using CriuBench.Hosts.Ssh;

namespace CriuBench.Tests.Hosts;

[Trait("Category", "Unit")]
public class HostsFileReaderTests
{
    private const string TwoHosts = """
        hosts:
          - name: src
            address: 192.0.2.7
            identity: /root/.ssh/cb
            known_hosts: /root/.ssh/known_hosts
            peer:
              address: 10.0.0.7
              identity: /root/.ssh/peer
              known_hosts: /root/.ssh/peer_known_hosts
          - name: dst
            address: 192.0.2.8
            port: 2222
            user: bench
            identity: /root/.ssh/cb
            known_hosts: /root/.ssh/known_hosts
            peer:
              identity: /home/bench/.ssh/peer
              known_hosts: /home/bench/.ssh/known_hosts
        """;

    [Fact]
    public void A_hosts_file_names_how_the_controller_and_the_other_host_log_in()
    {
        var file = HostsFileReader.Parse(TwoHosts, "hosts.yaml");

        var (src, dst) = (file.Hosts[0].Endpoint, file.Hosts[1].Endpoint);
        Assert.Equal(new SshAccess("root", "192.0.2.7", 22, "/root/.ssh/cb", KnownHostsFile: "/root/.ssh/known_hosts"), src.Control);
        Assert.Equal(new SshAccess("root", "10.0.0.7", 22, "/root/.ssh/peer", KnownHostsFile: "/root/.ssh/peer_known_hosts"), src.Peer);
        Assert.Equal(new SshAccess("bench", "192.0.2.8", 2222, "/root/.ssh/cb", KnownHostsFile: "/root/.ssh/known_hosts"), dst.Control);
        Assert.Equal(new SshAccess("bench", "192.0.2.8", 2222, "/home/bench/.ssh/peer", KnownHostsFile: "/home/bench/.ssh/known_hosts"), dst.Peer);
        Assert.Equal(2, file.Hosts[0].Line);
        Assert.Equal(10, file.Hosts[1].Line);
    }

    [Fact]
    public void A_hosts_file_may_name_a_client_host_and_a_floating_service_address_for_service_workloads()
    {
        var file = HostsFileReader.Parse(TwoHosts + """

            client:
              address: 192.0.2.9
              identity: /root/.ssh/cb
              known_hosts: /root/.ssh/known_hosts
            service: {address: 192.0.2.100, interface: eth0}
            """, "hosts.yaml");

        Assert.Equal("client", file.Client!.Name);
        Assert.Equal(new SshAccess("root", "192.0.2.9", 22, "/root/.ssh/cb", KnownHostsFile: "/root/.ssh/known_hosts"), file.Client.Endpoint.Control);
        Assert.Equal(new ServiceAddress("192.0.2.100", "eth0"), file.Service);
        Assert.Null(HostsFileReader.Parse(TwoHosts, "hosts.yaml").Client);
    }

    [Theory]
    [InlineData("service: {address: 192.0.2.100, interface: eth0}", "need both 'client'")]
    [InlineData("client: {address: a, identity: /i, known_hosts: /k}\nservice: {address: nonsense, interface: eth0}", "is not an IPv4 address")]
    [InlineData("client: {address: a, identity: /i, known_hosts: /k}\nservice: {address: 192.0.2.1}", "'interface' is missing")]
    [InlineData("client: {address: a, identity: /i, known_hosts: /k, peer: {}}\nservice: {address: 192.0.2.1, interface: e}", "unknown client key 'peer'")]
    public void A_client_or_service_address_written_wrong_is_refused_with_what_to_fix(string yaml, string expected)
    {
        var error = Assert.Throws<HostsFileException>(() => HostsFileReader.Parse(TwoHosts + "\n" + yaml, "hosts.yaml"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_path_on_the_controller_may_start_at_its_home()
    {
        var file = HostsFileReader.Parse(TwoHosts.Replace("identity: /root/.ssh/cb", "identity: ~/.ssh/cb"), "hosts.yaml");

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".ssh/cb"), file.Hosts[0].Endpoint.Control.IdentityFile);
    }

    [Theory]
    [InlineData("    identity: /root/.ssh/cb\n    known_hosts: /root/.ssh/known_hosts\n    peer:\n      address: 10.0.0.7",
        "    known_hosts: /root/.ssh/known_hosts\n    peer:\n      address: 10.0.0.7", "hosts.yaml:2: 'identity' is missing: the private key the controller logs in with")]
    [InlineData("    port: 2222", "    port: twenty", "hosts.yaml:12: 'port' must be a whole number from 1 to 65535, not 'twenty'")]
    [InlineData("    port: 2222", "    port: 70000", "hosts.yaml:12: 'port' must be a whole number from 1 to 65535, not '70000'")]
    [InlineData("    user: bench", "    usr: bench", "hosts.yaml:13: unknown host key 'usr': known keys are name, address, port, user, identity, known_hosts, peer")]
    [InlineData("      address: 10.0.0.7", "      adress: 10.0.0.7", "hosts.yaml:7: unknown peer key 'adress': known keys are address, port, user, identity, known_hosts")]
    [InlineData("    address: 192.0.2.7", "    address: [192.0.2.7]", "hosts.yaml:3: 'address' must be a single value")]
    [InlineData("  - name: dst", "  - name: src", "hosts.yaml:10: both hosts are named 'src': give each its own name")]
    public void A_bad_host_is_refused_with_its_line_and_what_to_write(string replaced, string by, string expected)
    {
        var e = Assert.Throws<HostsFileException>(() => HostsFileReader.Parse(TwoHosts.Replace(replaced, by), "hosts.yaml"));

        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void A_host_without_peer_says_how_the_other_host_logs_in()
    {
        var yaml = TwoHosts[..TwoHosts.IndexOf("    peer:\n      address", StringComparison.Ordinal)]
            + TwoHosts[TwoHosts.IndexOf("  - name: dst", StringComparison.Ordinal)..];

        var e = Assert.Throws<HostsFileException>(() => HostsFileReader.Parse(yaml, "hosts.yaml"));

        Assert.StartsWith("hosts.yaml:2: host 'src' has no 'peer': say how the other host logs in here, with 'identity' and 'known_hosts'", e.Message);
    }

    [Theory]
    [InlineData("hostz: []", "hosts.yaml:1: unknown top-level key 'hostz': known keys are hosts, work_dir")]
    [InlineData("hosts: src", "hosts.yaml:1: 'hosts' must be a list of two hosts")]
    [InlineData("work_dir: /var/lib/criubench/host", "hosts.yaml:1: 'hosts' is missing")]
    [InlineData("- src\n- dst", "hosts.yaml:1: expected a mapping with 'hosts:'")]
    [InlineData("hosts: a: b", "hosts.yaml:1: not valid YAML")]
    [InlineData("hosts:\n  - src", "hosts.yaml:2: a host is a mapping with keys name, address")]
    public void A_bad_file_is_refused_with_its_line(string yaml, string expected)
    {
        var e = Assert.Throws<HostsFileException>(() => HostsFileReader.Parse(yaml, "hosts.yaml"));

        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void One_host_is_not_enough_to_migrate()
    {
        var oneHost = TwoHosts[..TwoHosts.IndexOf("  - name: dst", StringComparison.Ordinal)];

        var e = Assert.Throws<HostsFileException>(() => HostsFileReader.Parse(oneHost, "hosts.yaml"));

        Assert.StartsWith("hosts.yaml:2: 'hosts' lists 1 host(s): list exactly two", e.Message);
    }

    [Fact]
    public void Another_work_directory_is_refused_with_the_reason_and_the_alternative()
    {
        var e = Assert.Throws<HostsFileException>(() => HostsFileReader.Parse("work_dir: /data/cb\n" + TwoHosts, "hosts.yaml"));

        Assert.StartsWith("hosts.yaml:1: work_dir must be /var/lib/criubench/host: images and the workload's files keep their paths", e.Message);
        Assert.Contains("mount --bind /data/cb /var/lib/criubench/host", e.Message);
    }

    [Fact]
    public void The_command_that_adds_an_unknown_host_key_names_the_port_address_and_file()
    {
        var access = new SshAccess("root", "192.0.2.7", 2222, "/k", KnownHostsFile: "/root/my known_hosts");

        Assert.Equal("ssh-keyscan -p 2222 -H 192.0.2.7 >> '/root/my known_hosts'", KnownHosts.AddCommand(access));
        Assert.Equal(["ssh-keygen", "-F", "[192.0.2.7]:2222", "-f", "/root/my known_hosts"], [KnownHosts.Lookup(access).Program, .. KnownHosts.Lookup(access).Arguments]);
    }
}
