using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Clock: a hand goes round the frames; a frame whose Accessed bit is set has it cleared and is passed over, and the
/// first frame found with the bit clear is the victim; the hand then moves past it.
/// </summary>
/// <remarks>
/// Corbató, "A paging experiment with the Multics system", MIT Project MAC report MAC-M-384, 1968; Tanenbaum and Bos,
/// <i>Modern Operating Systems</i>, 4th ed., section 3.4.5. The frames fill in order 0, 1, 2, ... and the hand starts
/// at frame 0, so the circle is <see cref="SecondChancePolicy"/>'s queue and both make the same decisions; the new
/// page takes the victim's place just behind the hand, i.e. at the tail. A page leaving memory without a replacement
/// (a reclaim, or a removal the engine chose) leaves its frame empty in the circle: the hand passes empty frames
/// without a look, and a page loaded into one later takes that place. So a victim asked for while some frames are
/// empty (the VM held at a capacity below the frame count) is always an occupied frame, and
/// <see cref="OnRemove"/> has nothing to tell the two kinds of removal apart for.
/// </remarks>
[ReplacementPolicy("clock", Description = "Clock: a hand clears Accessed bits and evicts the first frame without one",
    Source = "Corbató, MIT Project MAC 1968; Tanenbaum and Bos, MOS 4th ed., section 3.4.5")]
public sealed class ClockPolicy : IReplacementPolicy
{
    private readonly FrameTable _frames;
    private readonly int _frameCount;

    /// <summary>The frame the hand points at: the next to examine.</summary>
    private int _hand;

    /// <summary>Creates the policy for one replay.</summary>
    public ClockPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _frameCount = context.FrameCount;
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        // Terminates within one pass over the occupied frames, of which there is at least one.
        while (_frames.PageOf(_hand) == FrameTable.NoPage || _frames.IsAccessed(_hand))
        {
            _frames.ClearAccessed(_hand);
            Advance();
        }

        var victim = _hand;
        Advance();
        return victim;
    }

    /// <inheritdoc/>
    /// <remarks>Nothing to forget, whoever chose the page: the hand passes the empty frame.</remarks>
    public void OnRemove(int frame)
    {
    }

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    private void Advance() => _hand = _hand + 1 == _frameCount ? 0 : _hand + 1;
}
