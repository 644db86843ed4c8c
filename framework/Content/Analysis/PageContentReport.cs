using MemFw.Framework.Content.Patching;

namespace MemFw.Framework.Content.Analysis;

/// <summary>What <see cref="PageContentAnalysis"/> found in a trace's page table, snapshot time by time.</summary>
public sealed record PageContentReport
{
    /// <summary>The patching settings the figures were computed with.</summary>
    public required PatchOptions Patching { get; init; }

    /// <summary>One entry per snapshot time with pages in scope, in time order.</summary>
    public required IReadOnlyList<SnapshotFigures> Snapshots { get; init; }

    /// <summary>
    /// What sharing scanners saved per snapshot time (<see cref="SnapshotScanning"/>), or <see langword="null"/> when
    /// none was run.
    /// </summary>
    public ScanningReport? Scanning { get; init; }
}
