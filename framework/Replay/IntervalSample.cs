namespace MemFw.Framework.Replay;

/// <summary>One point of a replay's time series: the counts of the accesses in one interval.</summary>
/// <param name="EndAccess">Accesses replayed (after warm-up) at the end of the interval.</param>
/// <param name="Counters">The counts within the interval.</param>
public readonly record struct IntervalSample(long EndAccess, ReplayCounters Counters);
