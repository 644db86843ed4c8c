using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// WSClock: the working-set clock. A hand goes round the frames at a fault: a page with its Accessed bit set gets the
/// bit cleared and its time of last use set to now; a page unused for longer than the window tau is evicted if clean,
/// or, if dirty, scheduled for write-back and passed over; pages inside the window are passed over.
/// </summary>
/// <remarks>
/// <para>
/// Carr and Hennessy, "WSCLOCK: a simple and effective algorithm for virtual memory management", SOSP 1981, as
/// Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.9, describe it. Virtual time is
/// the count of accesses seen. A tick samples the Accessed bits as the working-set algorithm of section 3.4.8 does:
/// each set bit becomes the page's time of last use, then is cleared. A loaded page's time of last use is its load.
/// </para>
/// <para>
/// Choices where the book leaves room: a write-back is scheduled with <see cref="FrameTable.WriteBack"/>, which
/// completes at once, and there is no limit on how many one scan schedules (the book's optional limit is not
/// modelled). When the hand comes back to where it started: if it scheduled a write-back, it goes on and evicts the
/// first clean page it meets (the book's case 1; the scheduled pages are clean by then); otherwise every page is in
/// the working set and it evicts the clean page with the oldest time of last use seen on the way (the book: "any
/// clean page"), or, with none clean, the page where it started (the book's choice), written back on eviction.
/// </para>
/// <para>
/// A page leaving memory without a replacement (a reclaim, or a removal the engine chose because the guest freed
/// the page) leaves its frame empty in the circle: the hand passes empty frames without a look and starts its scan at
/// the first occupied frame, so "where it started" is always a page, and a victim asked for while some frames are
/// empty (the VM held at a capacity below the frame count) is always an occupied frame. Ticks pass empty frames too
/// (their Accessed bits are clear). The two kinds of removal need no telling apart: the frame keeps no state that a
/// load does not reset.
/// </para>
/// </remarks>
[ReplacementPolicy("wsclock", Description = "WSClock: clock over the working set, cleaning old dirty pages",
    Source = "Carr and Hennessy, SOSP 1981; Tanenbaum and Bos, MOS 4th ed., section 3.4.9")]
public sealed class WsClockPolicy : IReplacementPolicy
{
    private const int None = -1;

    private readonly FrameTable _frames;
    private readonly int _frameCount;
    private readonly long _tau;

    /// <summary>Each frame's time of last use, as seen through its Accessed bit.</summary>
    private readonly long[] _lastUse;

    /// <summary>Virtual time: accesses seen.</summary>
    private long _now;

    /// <summary>The frame the hand points at: the next to examine.</summary>
    private int _hand;

    /// <summary>Creates the policy for one replay.</summary>
    public WsClockPolicy(WsClockOptions options, ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _frameCount = context.FrameCount;
        _tau = options.Tau;
        _lastUse = new long[_frameCount];
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => _now++;

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => _lastUse[frame] = ++_now;

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        SkipEmpty();
        var start = _hand;
        var scheduled = false;
        var oldestClean = None;
        do
        {
            var frame = _hand;
            if (IsEmpty(frame))
            {
                Advance();
                continue;
            }

            if (_frames.IsAccessed(frame))
            {
                _frames.ClearAccessed(frame);
                _lastUse[frame] = _now;
            }
            else if (_now - _lastUse[frame] > _tau)
            {
                if (!_frames.IsDirty(frame))
                {
                    return EvictAtHand();
                }

                _frames.WriteBack(frame);
                scheduled = true;
                Advance();
                continue;
            }

            if (!_frames.IsDirty(frame) && (oldestClean == None || _lastUse[frame] < _lastUse[oldestClean]))
            {
                oldestClean = frame;
            }

            Advance();
        }
        while (_hand != start);

        if (scheduled)
        {
            while (_frames.IsDirty(_hand) || IsEmpty(_hand))
            {
                Advance();
            }

            return EvictAtHand();
        }

        _hand = oldestClean == None ? start : oldestClean;
        return EvictAtHand();
    }

    /// <inheritdoc/>
    public void OnTick()
    {
        for (var frame = 0; frame < _frameCount; frame++)
        {
            if (_frames.IsAccessed(frame))
            {
                _frames.ClearAccessed(frame);
                _lastUse[frame] = _now;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Nothing to forget, whoever chose the page: the hand passes the empty frame; a page loaded there sets its time
    /// of use.
    /// </remarks>
    public void OnRemove(int frame)
    {
    }

    private bool IsEmpty(int frame) => _frames.PageOf(frame) == FrameTable.NoPage;

    /// <summary>Moves the hand to the next occupied frame (there is at least one when a victim is asked for).</summary>
    private void SkipEmpty()
    {
        while (IsEmpty(_hand))
        {
            Advance();
        }
    }

    private int EvictAtHand()
    {
        var victim = _hand;
        Advance();
        return victim;
    }

    private void Advance() => _hand = _hand + 1 == _frameCount ? 0 : _hand + 1;
}
