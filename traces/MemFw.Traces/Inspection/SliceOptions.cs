namespace MemFw.Traces.Inspection;

/// <summary>Which part of a trace <see cref="TraceSlicer"/> keeps; every bound is optional and they combine.</summary>
public sealed record SliceOptions
{
    /// <summary>First access row kept (0-based, inclusive).</summary>
    public long? RowStart { get; init; }

    /// <summary>Access row the slice stops before (exclusive).</summary>
    public long? RowEnd { get; init; }

    /// <summary>First time kept (inclusive), in the trace's unit.</summary>
    public long? TimeStart { get; init; }

    /// <summary>Time the slice stops before (exclusive).</summary>
    public long? TimeEnd { get; init; }

    /// <summary>VMs kept, by name or id; empty keeps all. Kept VMs get new dense ids in their old order.</summary>
    public IReadOnlyList<string> Vms { get; init; } = [];

    /// <summary>Which page rows keep their bytes; default <see cref="SliceContent.All"/>, every row as it is.</summary>
    public SliceContent Content { get; init; } = SliceContent.All;

    /// <summary>Replace an existing output.</summary>
    public bool Overwrite { get; init; }

    /// <summary>A one-line account of the bounds, stored in the new trace's description.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (RowStart is not null || RowEnd is not null)
        {
            parts.Add($"rows {RowStart}:{RowEnd}");
        }

        if (TimeStart is not null || TimeEnd is not null)
        {
            parts.Add($"time {TimeStart}:{TimeEnd}");
        }

        if (Vms.Count > 0)
        {
            parts.Add($"vms {string.Join(",", Vms)}");
        }

        if (Content != SliceContent.All)
        {
            parts.Add($"content {SliceContents.Name(Content)}");
        }

        return parts.Count == 0 ? "everything" : string.Join("; ", parts);
    }
}
