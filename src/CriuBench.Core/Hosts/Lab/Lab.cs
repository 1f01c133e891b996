using System.Text.Json;
using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Hosts.Lab;

/// <summary>
/// The embedded default lab: two hosts on this machine, joined by a shaped veth link.
/// Up cleans any leftovers of a lab with the same name first (a crash or Ctrl-C before it).
/// </summary>
public sealed class Lab : IHostSet
{
    private readonly ICommandRunner runner;
    private readonly ILog log;

    private Lab(LabLayout layout, LinkRate rate, ICommandRunner runner, ILog log)
    {
        Layout = layout;
        Rate = rate;
        this.runner = runner;
        this.log = log;
        Hosts = LabLayout.HostNames.Select(name => new LabHost(name, layout, runner)).ToList();
        Client = new LabHost(LabLayout.ClientName, layout, runner);
        Services = new LabServices(layout, Client, runner);
    }

    /// <summary>The third host, on the service network only: service workloads' clients run there.</summary>
    public LabHost Client { get; }
    public IServiceNetwork Services { get; }

    public LabLayout Layout { get; }
    public LinkRate Rate { get; private set; }
    public IReadOnlyList<LabHost> Hosts { get; }
    IReadOnlyList<IHost> IHostSet.Hosts => Hosts;
    public string Kind => LabHostProvider.HostKind;
    public bool CanShapeLink => true;
    public IHost Source => Hosts[0];
    public IHost Destination => Hosts[1];

    public static async Task<Lab> UpAsync(string name, LinkRate rate, ICommandRunner runner, ILog log, CancellationToken ct = default)
    {
        var layout = LabLayout.For(name);
        // A lab of this name should not exist now: whatever is found was left by a run that crashed or was killed.
        await LabTeardown.RunAsync(layout, runner, log, CancellationToken.None, leftovers: true);
        var lab = new Lab(layout, rate, runner, log);
        try
        {
            await lab.CreateAsync(ct);
            return lab;
        }
        catch
        {
            await DownAsync(name, runner, log, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Attaches to a lab that `lab up` left running.</summary>
    public static Lab Attach(string name, ICommandRunner runner, ILog log)
    {
        var layout = LabLayout.For(name);
        if (!File.Exists(layout.StateFile))
            throw new InvalidOperationException($"lab '{name}' is not up: run `criubench lab up --lab {name}` first");
        var state = JsonSerializer.Deserialize<LabState>(File.ReadAllText(layout.StateFile))!;
        return new Lab(layout, LinkRate.Parse(state.Rate), runner, log);
    }

    public async Task SetRateAsync(LinkRate rate, CancellationToken ct)
    {
        foreach (var command in LabNetwork.Shape(Layout, rate))
            (await runner.RunAsync(command, ct)).EnsureSuccess();
        Rate = rate;
        await SaveStateAsync();
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        log.Info($"lab {Layout.Name}: creating hosts {string.Join(" and ", LabLayout.HostNames)} (link {Rate}) and {LabLayout.ClientName} (service network, service address {LabLayout.ServiceAddress})");
        foreach (var directory in LabLayout.AllHostNames.Select(Layout.DiskOf).Append(Layout.SshDirectory).Append(Layout.RunDirectory)
                     .Append(HostPaths.Disk).Append(HostPaths.SharedMount))
            Directory.CreateDirectory(directory);

        await RunAllAsync(HostMountNamespaces.Create(Layout), ct);
        await RunAllAsync(LabNetwork.Create(Layout), ct);
        await RunAllAsync(LabNetwork.Shape(Layout, Rate), ct);
        await RunAllAsync(LabServiceNetwork.Create(Layout), ct);
        await RunAllAsync(LabSsh.CreateKeys(Layout), ct);
        await File.WriteAllTextAsync(LabSsh.KnownHostsFile(Layout), LabSsh.KnownHosts(Layout), ct);
        foreach (var host in Hosts)
        {
            await File.WriteAllTextAsync(LabSsh.ConfigFile(Layout, host.Name), LabSsh.Config(Layout, host.Name), ct);
            var sshd = await host.RunAsync(LabSsh.StartDaemon(Layout, host.Name), ct);
            if (!sshd.Succeeded)
                throw new InvalidOperationException($"lab {Layout.Name}: sshd on {host.Name} did not start (exit {sshd.ExitCode}): {LabSsh.LogTail(Layout, host.Name)}");
        }
        await WaitForSshAsync(ct);
        await HostAssets.InstallAsync([.. Hosts, Client], ct);
        await SaveStateAsync();
    }

    /// <summary>sshd daemonizes before it listens: retry a login across the link until it answers.</summary>
    private async Task WaitForSshAsync(CancellationToken ct)
    {
        foreach (var (from, to) in new[] { (Hosts[0], Hosts[1]), (Hosts[1], Hosts[0]) })
        {
            CommandResult? last = null;
            for (var attempt = 0; attempt < 50; attempt++)
            {
                last = await from.RunAsync(LabSsh.Probe(to.Ssh), ct);
                if (last.Succeeded) break;
                await Task.Delay(100, ct);
            }
            if (last is { Succeeded: false })
                throw new InvalidOperationException($"lab {Layout.Name}: {from} cannot ssh to {to} ({last.StandardError.Trim()}); sshd on {to} logged: {LabSsh.LogTail(Layout, to.Name)}");
        }
    }

    private Task SaveStateAsync() =>
        File.WriteAllTextAsync(Layout.StateFile, JsonSerializer.Serialize(new LabState(Layout.Name, Rate.Label, DateTimeOffset.UtcNow)));

    private async Task RunAllAsync(IEnumerable<Command> commands, CancellationToken ct)
    {
        foreach (var command in commands)
            (await runner.RunAsync(command, ct)).EnsureSuccess();
    }

    public ValueTask DisposeAsync() => new(DownAsync(Layout.Name, runner, log, CancellationToken.None));

    /// <summary>Removes everything a lab of this name created; safe to call when nothing (or only part) exists.</summary>
    public static Task DownAsync(string name, ICommandRunner runner, ILog log, CancellationToken ct = default) =>
        LabTeardown.RunAsync(LabLayout.For(name), runner, log, ct);

    public static LabStatus Status(string name) => LabStatus.Read(LabLayout.For(name));

    private sealed record LabState(string Name, string Rate, DateTimeOffset UpdatedAt);
}
