namespace MemFw.Framework.Content.Analysis;

/// <summary>The content figures of every VM at one snapshot time, and of the host they share.</summary>
public sealed record SnapshotFigures
{
    /// <summary>The snapshot time, in the trace's unit.</summary>
    public required long Time { get; init; }

    /// <summary>Each VM with pages at this time, by id.</summary>
    public required IReadOnlyList<ContentFigures> Vms { get; init; }

    /// <summary>The host: the VMs' sums, sharing and patching across VMs.</summary>
    public required ContentFigures Host { get; init; }
}
