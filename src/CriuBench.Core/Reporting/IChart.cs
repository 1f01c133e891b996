using ScottPlot;

namespace CriuBench.Reporting;

/// <summary>A chart drawn in-process by ScottPlot into &lt;FileName&gt;.png and &lt;FileName&gt;.svg (<see cref="ChartRenderer"/>).</summary>
internal interface IChart
{
    /// <summary>File name without extension; also the prefix of the chart's ids when inlined in HTML.</summary>
    string FileName { get; }

    string Title { get; }

    /// <summary>Pixels of the image, also its natural size on the page (legends are sized for it).</summary>
    int Width { get; }

    int Height { get; }

    /// <summary>A new plot with everything drawn; the caller renders and disposes it.</summary>
    Plot Draw();
}
