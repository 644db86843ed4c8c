namespace MemFw.Traces.Inspection;

/// <summary>The figures of one RAM snapshot (one VM at one time) of the page-contents table.</summary>
public sealed record SnapshotSummary
{
    /// <summary>The VM's id.</summary>
    public required int Vm { get; init; }

    /// <summary>The snapshot time, in the trace's unit.</summary>
    public required long Time { get; init; }

    /// <summary>Pages in the snapshot.</summary>
    public long Pages { get; init; }

    /// <summary>All-zero pages.</summary>
    public long ZeroPages { get; init; }

    /// <summary>Non-zero pages whose content another non-zero page of the same snapshot has too: non-zero pages
    /// minus distinct non-zero contents (by 64-bit hash).</summary>
    public long DuplicatePages { get; init; }

    /// <summary>Non-zero pages whose bytes are stored (not only their hash).</summary>
    public long PagesWithContent { get; init; }
}
