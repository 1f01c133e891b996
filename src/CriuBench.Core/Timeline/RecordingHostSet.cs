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

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
