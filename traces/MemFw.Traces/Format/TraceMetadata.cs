namespace MemFw.Traces.Format;

/// <summary>The contents of a trace's <c>metadata.json</c>: format version, time unit and the VMs it holds.</summary>
/// <remarks>
/// Metadata holds nothing that depends on wall-clock time or the machine, so importing the same inputs twice gives
/// byte-identical traces.
/// </remarks>
public sealed record TraceMetadata
{
    /// <summary>The trace format version; readers refuse versions they do not know.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The unit of every <c>time</c> value in the trace.</summary>
    public required TimeUnit TimeUnit { get; init; }

    /// <summary>The VMs, with dense ids 0..n-1 in list order.</summary>
    public required IReadOnlyList<VmDescriptor> Vms { get; init; }

    /// <summary>The program and version that wrote the trace.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>A free-text description of the trace given at import, if any.</summary>
    public string? Description { get; init; }
}
