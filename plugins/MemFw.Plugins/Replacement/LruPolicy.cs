using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Least recently used: keeps the resident pages in order of their last access and evicts the page unused longest,
/// with exact recency (the order changes on every hit), as a simulator can afford and hardware cannot.
/// </summary>
/// <remarks>
/// Mattson, Gecsei, Slutz and Traiger, "Evaluation techniques for storage hierarchies", IBM Systems Journal 9(2),
/// 1970 (LRU as a stack algorithm); Tanenbaum and Bos, <i>Modern Operating Systems</i>, 4th ed., section 3.4.6. Built
/// on <see cref="FifoPolicy"/>'s queue, which every access, not only a load, sends back to the tail. The source leaves
/// nothing open.
/// </remarks>
[ReplacementPolicy("lru", Description = "Least recently used: evicts the page unused longest (exact recency)",
    Source = "Mattson et al., IBM Systems Journal 9(2) 1970; Tanenbaum and Bos, MOS 4th ed., section 3.4.6")]
public sealed class LruPolicy : IReplacementPolicy
{
    /// <summary>The frames from least to most recently used.</summary>
    private readonly FifoPolicy _recency;

    /// <summary>Creates the policy for one replay.</summary>
    public LruPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _recency = new FifoPolicy(context);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => _recency.MoveToTail(frame);

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => _recency.MoveToTail(frame);

    /// <inheritdoc/>
    public int SelectVictim(int page) => _recency.Oldest;

    /// <inheritdoc/>
    /// <remarks>The frame leaves the recency order; the frame filled next enters it as the most recent.</remarks>
    public void OnRemove(int frame) => _recency.OnRemove(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
    }
}
