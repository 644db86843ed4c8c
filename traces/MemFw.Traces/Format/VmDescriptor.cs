namespace MemFw.Traces.Format;

/// <summary>One VM of a trace: its identity, its configuration and where its data came from.</summary>
public sealed record VmDescriptor
{
    /// <summary>The VM's id, the value of the <c>vm</c> column; ids are dense, 0..n-1.</summary>
    public required int Id { get; init; }

    /// <summary>A short unique name (for example <c>L1a</c>), used to select the VM on the command line.</summary>
    public required string Name { get; init; }

    /// <summary>Installed guest RAM in bytes, or <see langword="null"/> when the capture does not say.</summary>
    public long? RamBytes { get; init; }

    /// <summary>The guest page size in bytes; 4096 in format version 1.</summary>
    public int PageSize { get; init; } = TraceFormat.PageSize;

    /// <summary>The number of virtual CPUs; every <c>vcpu</c> value of the VM is below it.</summary>
    public int Vcpus { get; init; } = 1;

    /// <summary>How the VM's guest-virtual and guest-physical addresses relate.</summary>
    public required AddressMode AddressMode { get; init; }

    /// <summary>The captures the VM's data was imported from, in import order.</summary>
    public IReadOnlyList<CaptureSource> Sources { get; init; } = [];
}
