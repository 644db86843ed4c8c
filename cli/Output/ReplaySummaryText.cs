using MemFw.Framework.Replay;
using static System.FormattableString;

namespace MemFw.Cli.Output;

/// <summary>The human-readable summary of one replay.</summary>
internal static class ReplaySummaryText
{
    /// <summary>Writes <paramref name="result"/> as aligned text.</summary>
    public static void Write(TextWriter output, ReplayResult result)
    {
        var c = result.Counters;
        output.WriteLine(Invariant($"policy        {result.Policy}"));
        output.WriteLine(Invariant($"frames        {result.Frames:N0} ({result.Frames * 4096.0 / (1 << 20):0.##} MiB) for {result.DistinctPages:N0} distinct pages"));
        output.WriteLine(Invariant($"accesses      {c.Accesses:N0} counted ({result.WarmupAccesses:N0} warm-up, {result.IoAccesses:N0} I/O not replayed)"));
        output.WriteLine(Invariant($"hits          {c.Hits:N0}"));
        output.WriteLine(Invariant($"faults        {c.Faults:N0} ({c.FaultRate:P3}): {c.FirstTouchFaults:N0} first touch, {c.Refaults:N0} re-faults"));
        output.WriteLine(Invariant($"evictions     {c.Evictions:N0}"));
        output.WriteLine(Invariant($"write-backs   {c.WriteBacks:N0}"));
        output.WriteLine(Invariant($"intervals     {result.Intervals.Count} samples (see --json)"));
    }
}
