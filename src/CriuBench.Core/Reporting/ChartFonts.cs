using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>
/// The charts' one typeface, DejaVu Sans (fonts-dejavu-core, on every Debian). ScottPlot picks a
/// serif face unless told; its files are registered by path, so text is drawn also where
/// fontconfig knows no fonts (then titles and axis labels would stay blank).
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Directories = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu"];

    private static readonly Lazy<bool> Registered = new(() =>
    {
        foreach (var directory in Directories)
        {
            var regular = Path.Combine(directory, "DejaVuSans.ttf");
            var bold = Path.Combine(directory, "DejaVuSans-Bold.ttf");
            if (!File.Exists(regular) || !File.Exists(bold)) continue;
            Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            break;
        }
        Fonts.Default = Family;
        return true;
    });

    public static void Ensure() => _ = Registered.Value;
}
