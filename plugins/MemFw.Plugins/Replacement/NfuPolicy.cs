using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Not frequently used: a counter per resident page, to which each tick adds the page's Accessed bit before clearing
/// it; evicts the page with the lowest counter.
/// </summary>
/// <remarks>
/// Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.7. Open points: a loaded page's counter
/// starts at zero (its first access counts at the next tick), and ties go to the page loaded earliest (see
/// <see cref="TickCounters"/>). Between two ticks the counters do not move, so the tick period sets how finely NFU
/// sees use.
/// </remarks>
[ReplacementPolicy("nfu", Description = "Not frequently used: evicts the lowest count of ticks with the Accessed bit",
    Source = "Tanenbaum and Bos, Modern Operating Systems, 4th ed., section 3.4.7")]
public sealed class NfuPolicy : IReplacementPolicy
{
    private readonly TickCounters _counters;

    /// <summary>Creates the policy for one replay.</summary>
    public NfuPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _counters = new TickCounters(context.Frames);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => _counters.Load(frame);

    /// <inheritdoc/>
    public int SelectVictim(int page) => _counters.Lowest;

    /// <inheritdoc/>
    /// <remarks>The frame's counter is dropped; a page loaded there later starts at zero.</remarks>
    public void OnRemove(int frame) => _counters.Unload(frame);

    /// <inheritdoc/>
    public void OnTick() => _counters.Tick(shift: 0, increment: 1);
}
