namespace MemFw.Framework.Content.Analysis;

/// <summary>The scanner figures of a <see cref="PageContentReport"/>: the scan time and one entry per time.</summary>
public sealed record ScanningReport
{
    /// <summary>How long each scanner ran on each snapshot, in seconds.</summary>
    public required double ScanTimeSeconds { get; init; }

    /// <summary>The scanners' names, in the order given.</summary>
    public required IReadOnlyList<string> Scanners { get; init; }

    /// <summary>One entry per snapshot time with pages in scope, in time order.</summary>
    public required IReadOnlyList<ScanFigures> Snapshots { get; init; }
}
