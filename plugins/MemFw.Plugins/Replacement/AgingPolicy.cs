using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Aging: an n-bit counter per resident page; at each tick every counter shifts right by one and the page's Accessed
/// bit enters at the top, then the bit is cleared; evicts the page with the lowest counter.
/// </summary>
/// <remarks>
/// Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.7 (NFU with aging). Open points: a loaded
/// page's counter starts at zero (its first access enters at the next tick), and ties go to the page loaded earliest
/// (see <see cref="TickCounters"/>); pages idle for <see cref="AgingOptions.Bits"/> ticks all tie at zero, which the
/// book notes as the limit of finite counters.
/// </remarks>
[ReplacementPolicy("aging", Description = "Aging: n-bit counters shifted each tick, Accessed bit on top; evicts lowest",
    Source = "Tanenbaum and Bos, Modern Operating Systems, 4th ed., section 3.4.7")]
public sealed class AgingPolicy : IReplacementPolicy
{
    private readonly TickCounters _counters;

    /// <summary>The counter's top bit, where a tick puts the Accessed bit.</summary>
    private readonly ulong _topBit;

    /// <summary>Creates the policy for one replay.</summary>
    public AgingPolicy(AgingOptions options, ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _counters = new TickCounters(context.Frames);
        _topBit = 1UL << (options.Bits - 1);
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
    public void OnTick() => _counters.Tick(shift: 1, increment: _topBit);
}
