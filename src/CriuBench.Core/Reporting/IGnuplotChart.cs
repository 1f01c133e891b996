namespace CriuBench.Reporting;

/// <summary>
/// A chart gnuplot draws: <see cref="Data"/> goes to &lt;FileName&gt;.dat and <see cref="Script"/> to
/// &lt;FileName&gt;.gp, which writes &lt;FileName&gt;.svg and .png when run in that directory.
/// </summary>
internal interface IGnuplotChart
{
    /// <summary>File name without extension; also the prefix of the chart's ids when inlined in HTML.</summary>
    string FileName { get; }

    string Title { get; }

    string Data();

    /// <param name="pngTerminal">"pngcairo", or "png" where gnuplot lacks cairo.</param>
    string Script(string pngTerminal);
}
