using MemFw.Framework.Replay;

namespace MemFw.Cli.Output;

/// <summary>The JSON shape of one replay's figures (<c>replay --json</c>); snake_case keys.</summary>
internal sealed record ReplaySummary
{
    /// <summary>The policy as given.</summary>
    public required string Policy { get; init; }

    /// <summary>Machine frames.</summary>
    public required int Frames { get; init; }

    /// <summary>Distinct pages touched.</summary>
    public required int DistinctPages { get; init; }

    /// <summary>Device accesses, not replayed.</summary>
    public required long IoAccesses { get; init; }

    /// <summary>Accesses replayed before counting.</summary>
    public required long WarmupAccesses { get; init; }

    /// <summary>Accesses counted.</summary>
    public required long Accesses { get; init; }

    /// <summary>Hits.</summary>
    public required long Hits { get; init; }

    /// <summary>Faults, first touches included.</summary>
    public required long Faults { get; init; }

    /// <summary>Faults on pages never seen before.</summary>
    public required long FirstTouchFaults { get; init; }

    /// <summary>Faults on pages seen before.</summary>
    public required long Refaults { get; init; }

    /// <summary>Evictions.</summary>
    public required long Evictions { get; init; }

    /// <summary>Dirty pages written back.</summary>
    public required long Writebacks { get; init; }

    /// <summary>Faults per access.</summary>
    public required double FaultRate { get; init; }

    /// <summary>The time series.</summary>
    public required IReadOnlyList<IntervalSummary> Intervals { get; init; }

    /// <summary>The summary of <paramref name="result"/>.</summary>
    public static ReplaySummary From(ReplayResult result)
    {
        var c = result.Counters;
        return new ReplaySummary
        {
            Policy = result.Policy,
            Frames = result.Frames,
            DistinctPages = result.DistinctPages,
            IoAccesses = result.IoAccesses,
            WarmupAccesses = result.WarmupAccesses,
            Accesses = c.Accesses,
            Hits = c.Hits,
            Faults = c.Faults,
            FirstTouchFaults = c.FirstTouchFaults,
            Refaults = c.Refaults,
            Evictions = c.Evictions,
            Writebacks = c.WriteBacks,
            FaultRate = Math.Round(c.FaultRate, 6),
            Intervals = [.. result.Intervals.Select(i => new IntervalSummary(i.EndAccess, i.Counters.Accesses,
                i.Counters.Faults, i.Counters.Evictions, i.Counters.WriteBacks))],
        };
    }
}
