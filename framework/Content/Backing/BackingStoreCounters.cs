namespace MemFw.Framework.Content.Backing;

/// <summary>What one store of a <see cref="BackingChain"/> holds and has done, for reports.</summary>
/// <param name="Name">The store as the scenario names it (its spec, such as <c>ssd:read-us=100</c>).</param>
/// <param name="InRam">Whether it keeps pages in host RAM rather than on a device.</param>
/// <param name="Pages">Pages it holds now.</param>
/// <param name="Bytes">The bytes they take: compressed sizes in a store that compresses, else 4096 a page.</param>
/// <param name="MachineFrames">Host machine frames it occupies now (RAM-backed stores; 0 for devices).</param>
/// <param name="PeakMachineFrames">The most machine frames it has occupied.</param>
/// <param name="Kept">Pages it was given and kept.</param>
/// <param name="Refused">Pages it was given and refused (full, or not compressible enough).</param>
/// <param name="Loads">Pages read back from it: lookups that hit.</param>
/// <param name="Misses">Lookups that missed: it never had the page, or dropped it.</param>
/// <param name="StoreMicroseconds">The time spent storing pages in it, refusals included.</param>
/// <param name="LoadMicroseconds">The time spent reading pages back from it.</param>
public sealed record BackingStoreCounters(
    string Name,
    bool InRam,
    long Pages,
    long Bytes,
    long MachineFrames,
    long PeakMachineFrames,
    long Kept,
    long Refused,
    long Loads,
    long Misses,
    double StoreMicroseconds,
    double LoadMicroseconds)
{
    /// <summary>
    /// These counters with the events of <paramref name="before"/> taken away: what happened since then. Sizes and the
    /// peak stay as they are now.
    /// </summary>
    public BackingStoreCounters Since(BackingStoreCounters before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return this with
        {
            Kept = Kept - before.Kept,
            Refused = Refused - before.Refused,
            Loads = Loads - before.Loads,
            Misses = Misses - before.Misses,
            StoreMicroseconds = StoreMicroseconds - before.StoreMicroseconds,
            LoadMicroseconds = LoadMicroseconds - before.LoadMicroseconds,
        };
    }
}
