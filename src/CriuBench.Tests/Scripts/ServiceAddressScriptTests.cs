using CriuBench.Tests.Support;

namespace CriuBench.Tests.Scripts;

/// <summary>workloads/host/service-address.sh with stand-ins for ip and arping: what your own machines run to move a service address.</summary>
[Trait("Category", "Unit")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ServiceAddressScriptTests
{
    [Fact(Timeout = 30_000)]
    public async Task Adding_puts_the_address_on_the_interface_and_announces_it()
    {
        using var tools = new FakeTools();
        tools.Add("ip").Add("arping");

        var result = await tools.RunAsync("service-address.sh", ["add", "192.0.2.100", "eth0"]);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal([["addr", "replace", "192.0.2.100/32", "dev", "eth0"]], tools.Calls("ip"));
        for (var i = 0; i < 100 && tools.Calls("arping").Count == 0; i++) await Task.Delay(20); // announced in the background
        Assert.Equal([["-q", "-U", "-c", "1", "-I", "eth0", "192.0.2.100"]], tools.Calls("arping"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Removing_takes_the_address_off_only_where_it_is()
    {
        using var there = new FakeTools();
        there.Add("ip", """[ "$1" = -o ] && echo "2: eth0    inet 192.0.2.100/32 scope global eth0" ; exit 0""").Add("iptables", "exit 1"); // no rule held
        Assert.True((await there.RunAsync("service-address.sh", ["del", "192.0.2.100", "eth0"])).Succeeded);
        Assert.Equal(["addr", "del", "192.0.2.100/32", "dev", "eth0"], there.Calls("ip")[^1]);

        using var absent = new FakeTools();
        absent.Add("ip", """[ "$1" = -o ] && echo "2: eth0    inet 192.0.2.7/24 scope global eth0" ; exit 0""").Add("iptables", "exit 1");
        Assert.True((await absent.RunAsync("service-address.sh", ["del", "192.0.2.100", "eth0"])).Succeeded);
        Assert.Single(absent.Calls("ip")); // only the look
    }

    [Fact(Timeout = 30_000)]
    public async Task Holding_resets_adds_one_drop_rule_and_releasing_takes_it_off()
    {
        using var tools = new FakeTools();
        // iptables -C: the rule is there only after -I and until -D.
        tools.Add("ip").Add("iptables", """
            case "$2" in -C) [ -e "$0.held" ] ;; -I) touch "$0.held" ;; -D) rm "$0.held" ;; esac
            """);
        string[] rule = ["OUTPUT", "-s", "192.0.2.100/32", "-p", "tcp", "--tcp-flags", "RST", "RST", "-j", "DROP"];

        Assert.True((await tools.RunAsync("service-address.sh", ["hold-resets", "192.0.2.100", "eth0"])).Succeeded);
        Assert.True((await tools.RunAsync("service-address.sh", ["hold-resets", "192.0.2.100", "eth0"])).Succeeded); // held already: no second rule
        Assert.Equal([["-w", "-C", .. rule], ["-w", "-I", .. rule], ["-w", "-C", .. rule]], tools.Calls("iptables"));

        Assert.True((await tools.RunAsync("service-address.sh", ["release-resets", "192.0.2.100", "eth0"])).Succeeded);
        Assert.Equal([["-w", "-C", .. rule], ["-w", "-D", .. rule], ["-w", "-C", .. rule]], tools.Calls("iptables").Skip(3));
        Assert.Empty(tools.Calls("ip")); // the address is left alone
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_call_is_a_usage_error()
    {
        using var tools = new FakeTools();
        Assert.Equal(2, (await tools.RunAsync("service-address.sh", ["move", "192.0.2.100", "eth0"])).ExitCode);
    }
}
