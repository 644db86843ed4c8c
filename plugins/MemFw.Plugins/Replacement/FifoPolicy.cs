using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// First in, first out: keeps the resident pages in the order they were loaded and evicts the page resident
/// longest, whatever its use. The queue behind <see cref="SecondChancePolicy"/> and <see cref="LruPolicy"/>.
/// </summary>
/// <remarks>
/// Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.3; studied as FIFO by Belady (IBM Systems
/// Journal 5(2), 1966), whose anomaly it shows. The source leaves nothing open. A removed page's frame leaves the
/// queue; a page loaded into any empty frame later joins at the tail.
/// </remarks>
[ReplacementPolicy("fifo", Description = "First in, first out: evicts the page resident longest",
    Source = "Tanenbaum and Bos, Modern Operating Systems, 4th ed., section 3.4.3")]
public sealed class FifoPolicy : IReplacementPolicy
{
    private const int Queue = 0;

    /// <summary>The frames in load order, the oldest first.</summary>
    private readonly IntrusiveLists _queue;

    /// <summary>Creates the policy for one replay.</summary>
    public FifoPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _queue = new IntrusiveLists(context.FrameCount, 1);
    }

    /// <summary>The frame at the head of the queue: the one loaded (or last sent to the tail) longest ago.</summary>
    public int Oldest => _queue.First(Queue);

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => MoveToTail(frame);

    /// <inheritdoc/>
    public int SelectVictim(int page) => Oldest;

    /// <inheritdoc/>
    /// <remarks>The frame leaves the queue; the frame filled next joins it at the tail.</remarks>
    public void OnRemove(int frame) => _queue.Remove(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    /// <summary>Puts <paramref name="frame"/> at the tail of the queue, as if its page had just been loaded.</summary>
    public void MoveToTail(int frame) => _queue.MoveToLast(Queue, frame);
}
