namespace MemFw.Traces.Inspection;

/// <summary>The figures of a trace's page-contents table, in total and per snapshot.</summary>
public sealed record PageContentsSummary
{
    /// <summary>Snapshots (distinct VM and time pairs).</summary>
    public int Snapshots => PerSnapshot.Count;

    /// <summary>Page rows.</summary>
    public long Pages => PerSnapshot.Sum(s => s.Pages);

    /// <summary>All-zero pages over every snapshot.</summary>
    public long ZeroPages => PerSnapshot.Sum(s => s.ZeroPages);

    /// <summary>Duplicate non-zero pages over every snapshot (each counted within its own snapshot).</summary>
    public long DuplicatePages => PerSnapshot.Sum(s => s.DuplicatePages);

    /// <summary>Non-zero pages whose bytes are stored.</summary>
    public long PagesWithContent => PerSnapshot.Sum(s => s.PagesWithContent);

    /// <summary>Each snapshot's figures, in table order (time, then VM).</summary>
    public required IReadOnlyList<SnapshotSummary> PerSnapshot { get; init; }
}
