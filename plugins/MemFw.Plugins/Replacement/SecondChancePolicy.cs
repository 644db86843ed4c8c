using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Second chance: FIFO that spares a page whose Accessed bit is set, clearing the bit and moving the page to the tail
/// of the queue as if just loaded; evicts the oldest page found with the bit clear.
/// </summary>
/// <remarks>
/// Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.4. Built on <see cref="FifoPolicy"/>'s
/// queue. The Accessed bit is the one the engine sets on every access, including the access that loaded the page
/// (as x86 does), so a page loaded since the last tick or scan survives one pass. Makes the same decisions as
/// <see cref="ClockPolicy"/>, which keeps the queue as a circle instead.
/// </remarks>
[ReplacementPolicy("second-chance", Description = "FIFO that spares pages with the Accessed bit set, once",
    Source = "Tanenbaum and Bos, Modern Operating Systems, 4th ed., section 3.4.4")]
public sealed class SecondChancePolicy : IReplacementPolicy
{
    private readonly FrameTable _frames;
    private readonly FifoPolicy _queue;

    /// <summary>Creates the policy for one replay.</summary>
    public SecondChancePolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _frames = context.Frames;
        _queue = new FifoPolicy(context);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => _queue.OnInsert(frame, write);

    /// <inheritdoc/>
    public int SelectVictim(int page)
    {
        // Terminates within one pass: every page passed over has its bit cleared.
        while (true)
        {
            var frame = _queue.Oldest;
            if (!_frames.IsAccessed(frame))
            {
                return frame;
            }

            _frames.ClearAccessed(frame);
            _queue.MoveToTail(frame);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The frame leaves the queue.</remarks>
    public void OnRemove(int frame) => _queue.OnRemove(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
