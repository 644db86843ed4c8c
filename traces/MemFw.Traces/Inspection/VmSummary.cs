using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>One VM of a trace: its configuration and its access figures.</summary>
public sealed record VmSummary : AccessCounts
{
    /// <summary>Creates the summary of a VM whose accesses gave <paramref name="counts"/>.</summary>
    public VmSummary(AccessCounts counts)
        : base(counts)
    {
    }

    /// <summary>The VM's id.</summary>
    public required int Id { get; init; }

    /// <summary>The VM's name.</summary>
    public required string Name { get; init; }

    /// <summary>Installed RAM in bytes, if known.</summary>
    public long? RamBytes { get; init; }

    /// <summary>vCPU count.</summary>
    public int Vcpus { get; init; }

    /// <summary>How the VM's two address columns relate.</summary>
    public AddressMode AddressMode { get; init; }

}
