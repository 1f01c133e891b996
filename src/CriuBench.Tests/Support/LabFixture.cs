using CriuBench.Execution;
using CriuBench.Logging;
using CriuBench.Vocabulary;

namespace CriuBench.Tests.Support;

/// <summary>
/// A real lab shared by the tests of one class and removed after them. Each test class uses its
/// own lab name (test classes run in parallel), derived as: sealed class XLab() : LabFixture("tx").
/// </summary>
public abstract class LabFixture(string name) : IAsyncLifetime
{
    private CriuBench.Hosts.Lab.Lab? lab;

    public string Name { get; } = name;

    public CriuBench.Hosts.Lab.Lab Lab => lab ?? throw new InvalidOperationException("the lab did not come up; see the first failure");

    public virtual async Task InitializeAsync()
    {
        Requires.Criu();
        lab = await CriuBench.Hosts.Lab.Lab.UpAsync(Name, LinkRate.Default, ProcessRunner.Instance, NullLog.Instance);
    }

    public virtual async Task DisposeAsync()
    {
        if (lab is not null) await lab.DisposeAsync();
    }
}
