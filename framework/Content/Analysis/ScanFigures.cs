namespace MemFw.Framework.Content.Analysis;

/// <summary>
/// What each sharing scanner saved on one snapshot time within the scan time (<see cref="SnapshotScanning"/>), beside
/// the ideal. Counts are 4 KiB pages (frames saved), zero pages included.
/// </summary>
public sealed record ScanFigures
{
    /// <summary>The snapshot time, in the trace's unit.</summary>
    public required long Time { get; init; }

    /// <summary>Guest pages in the snapshot (of the VMs in scope).</summary>
    public required long Pages { get; init; }

    /// <summary>Frames saved before any scan: the zero-page hack's, all zero pages but one on the zero frame.</summary>
    public required long SavedAtLoad { get; init; }

    /// <summary>Frames each scanner had saved after the scan time (zero-page hack included), by its name.</summary>
    public required IReadOnlyDictionary<string, long> Saved { get; init; }

    /// <summary>Frames saved by merging every duplicate (<see cref="Sharing.IdealSharing"/>).</summary>
    public required long SavedIdeal { get; init; }
}
