using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>What <c>memfw trace info</c> reports: the trace's format, access figures over all VMs, each VM, and page figures.</summary>
public sealed record TraceSummary : AccessCounts
{
    /// <summary>Creates the summary of a trace whose accesses, over every VM, gave <paramref name="totals"/>.</summary>
    /// <remarks>Distinct pages add up per VM: two VMs' pages are different pages.</remarks>
    public TraceSummary(AccessCounts totals)
        : base(totals)
    {
    }

    /// <summary>The trace format version.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The unit of time values.</summary>
    public required TimeUnit TimeUnit { get; init; }

    /// <summary>Figures per VM.</summary>
    public required IReadOnlyList<VmSummary> Vms { get; init; }

    /// <summary>The page-contents figures, or null when the trace has no page-contents table.</summary>
    public PageContentsSummary? PageContents { get; init; }
}
