namespace MemFw.Framework.Content.Backing;

/// <summary>What reading a page back cost, and whether the store still had it.</summary>
/// <param name="Hit">False when the store does not hold the page (never put, or dropped by an ephemeral store).</param>
/// <param name="Stamp">The stamp the page was put with, on a hit.</param>
/// <param name="Microseconds">The time the load took (a seek and transfer, a decompression); 0 on a miss.</param>
public readonly record struct LoadOutcome(bool Hit, long Stamp, double Microseconds)
{
    /// <summary>A miss.</summary>
    public static LoadOutcome Miss => default;
}
