using System.Globalization;
using System.Text.RegularExpressions;

namespace CriuBench.Vocabulary;

/// <summary>The shaped rate of the lab link, e.g. "100mbit", "1gbit", or "unlimited".</summary>
public sealed partial record LinkRate(string Label, long? BitsPerSecond)
{
    public static LinkRate Unlimited { get; } = new("unlimited", null);
    public static LinkRate Default { get; } = Parse("1gbit");

    /// <summary>A link the harness cannot shape (real machines, the VM lab): it runs at whatever it runs at.</summary>
    public static LinkRate Unshaped { get; } = new("unshaped", null);

    public bool IsUnlimited => BitsPerSecond is null;

    public double? BytesPerSecond => BitsPerSecond / 8.0;

    public static LinkRate Parse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed is "unlimited" or "none" or "off") return Unlimited;
        var match = RatePattern().Match(trimmed);
        if (!match.Success)
            throw new FormatException($"'{text}' is not a link rate: use e.g. 100mbit, 1gbit, 2.5gbit, 500kbit or unlimited");
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var scale = match.Groups["unit"].Value switch
        {
            "kbit" => 1e3,
            "mbit" => 1e6,
            "gbit" => 1e9,
            _ => 1.0,
        };
        var bits = (long)Math.Round(value * scale);
        if (bits < 8_000)
            throw new FormatException($"link rate '{text}' is below 8kbit, too slow to move a checkpoint: use at least 1mbit");
        return new LinkRate(trimmed, bits);
    }

    public override string ToString() => Label;

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)(?<unit>bit|kbit|mbit|gbit)$")]
    private static partial Regex RatePattern();
}
