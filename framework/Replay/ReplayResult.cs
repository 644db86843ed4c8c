namespace MemFw.Framework.Replay;

/// <summary>What one replay of one policy at one memory size measured.</summary>
public sealed record ReplayResult
{
    /// <summary>The policy's name.</summary>
    public required string Policy { get; init; }

    /// <summary>Machine frames available.</summary>
    public required int Frames { get; init; }

    /// <summary>Distinct pages the replayed accesses touch.</summary>
    public required int DistinctPages { get; init; }

    /// <summary>Accesses to device memory, counted apart and not replayed.</summary>
    public required long IoAccesses { get; init; }

    /// <summary>Accesses replayed before counting started.</summary>
    public required long WarmupAccesses { get; init; }

    /// <summary>The counts after warm-up.</summary>
    public required ReplayCounters Counters { get; init; }

    /// <summary>The counts per interval, after warm-up.</summary>
    public required IReadOnlyList<IntervalSample> Intervals { get; init; }
}
