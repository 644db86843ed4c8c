namespace MemFw.Cli.Output;

/// <summary>One interval of the time series in JSON.</summary>
/// <param name="EndAccess">Accesses counted at the interval's end.</param>
/// <param name="Accesses">Accesses in the interval.</param>
/// <param name="Faults">Faults in the interval.</param>
/// <param name="Evictions">Evictions in the interval.</param>
/// <param name="Writebacks">Write-backs in the interval.</param>
internal sealed record IntervalSummary(long EndAccess, long Accesses, long Faults, long Evictions, long Writebacks);
