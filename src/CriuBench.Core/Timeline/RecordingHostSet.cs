using CriuBench.Hosts;
using CriuBench.Vocabulary;

namespace CriuBench.Timeline;

/// <summary>A host set whose hosts record every command on the timeline (see <see cref="RecordingHost"/>); the rest is the inner set's.</summary>
public sealed class RecordingHostSet(IHostSet inner, MigrationTimeline timeline) : IHostSet
{
    public string Kind => inner.Kind;
    public IReadOnlyList<IHost> Hosts { get; } = RecordingHost.WrapAll(inner.Hosts, timeline);
    public LinkRate Rate => inner.Rate;
    public bool CanShapeLink => inner.CanShapeLink;

    public Task SetRateAsync(LinkRate rate, CancellationToken ct) => inner.SetRateAsync(rate, ct);

    /// <summary>The client host records its commands too.</summary>
    public IServiceNetwork? Services { get; } = inner.Services is { } services ? new RecordedServices(services, new RecordingHost(services.Client, timeline)) : null;

    public string? ServicesMissing => inner.ServicesMissing;

    private sealed class RecordedServices(IServiceNetwork inner, IHost client) : IServiceNetwork
    {
        public IHost Client => client;
        public string Address => inner.Address;
        public Task MoveAsync(string from, string to, CancellationToken ct) => inner.MoveAsync(from, to, ct);
        public Task HoldResetsAsync(string on, CancellationToken ct) => inner.HoldResetsAsync(on, ct);
        public Task ReleaseResetsAsync(string on, CancellationToken ct) => inner.ReleaseResetsAsync(on, ct);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
