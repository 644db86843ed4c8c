namespace MemFw.Traces.Format;

/// <summary>One input a VM's data was imported from: which file, in which format, made by what.</summary>
public sealed record CaptureSource
{
    /// <summary>The import format name (<c>qemu</c>, <c>lackey</c>, <c>vmsim</c>, <c>raw-ram</c>).</summary>
    public required string Format { get; init; }

    /// <summary>The input's file name, without its directory, so traces do not leak local paths.</summary>
    public required string File { get; init; }

    /// <summary>How the capture was made (the tool the format comes from).</summary>
    public required string Capture { get; init; }

    /// <summary>For page snapshots, the snapshot time in the trace's unit; otherwise <see langword="null"/>.</summary>
    public long? SnapshotTime { get; init; }
}
