namespace MemFw.Framework.Replay;

/// <summary>The event counts of a replay (or of one interval of it).</summary>
/// <remarks>
/// <see cref="Faults"/> counts every access whose page was not resident, first touches included, so that miss counts
/// compare directly with other cache simulators on the same page stream.
/// </remarks>
public record struct ReplayCounters
{
    /// <summary>RAM accesses replayed (I/O accesses are not replayed).</summary>
    public long Accesses { get; set; }

    /// <summary>Accesses whose page was resident.</summary>
    public long Hits { get; set; }

    /// <summary>Accesses whose page was not resident.</summary>
    public long Faults { get; set; }

    /// <summary>Faults on a page never seen before in the replay (compulsory misses).</summary>
    public long FirstTouchFaults { get; set; }

    /// <summary>Pages evicted to the backing store.</summary>
    public long Evictions { get; set; }

    /// <summary>Dirty pages written to the backing store (on eviction or cleaned in place).</summary>
    public long WriteBacks { get; set; }

    /// <summary>Faults on pages seen before: the misses the policy could have avoided.</summary>
    public readonly long Refaults => Faults - FirstTouchFaults;

    /// <summary>Faults per access.</summary>
    public readonly double FaultRate => Accesses == 0 ? 0 : (double)Faults / Accesses;

    /// <summary>The counts of <paramref name="a"/> minus those of <paramref name="b"/>.</summary>
    public static ReplayCounters operator -(ReplayCounters a, ReplayCounters b) => new()
    {
        Accesses = a.Accesses - b.Accesses,
        Hits = a.Hits - b.Hits,
        Faults = a.Faults - b.Faults,
        FirstTouchFaults = a.FirstTouchFaults - b.FirstTouchFaults,
        Evictions = a.Evictions - b.Evictions,
        WriteBacks = a.WriteBacks - b.WriteBacks,
    };

    /// <summary>Named alternative to the subtraction operator.</summary>
    public static ReplayCounters Subtract(ReplayCounters a, ReplayCounters b) => a - b;
}
