using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Belady's optimal policy (MIN, OPT): evicts the page whose next access lies farthest in the future, or a page never
/// accessed again. Needs the trace's future, so it is offline: the bound the online policies are measured against.
/// </summary>
/// <remarks>
/// Belady, "A study of replacement algorithms for a virtual-storage computer", IBM Systems Journal 5(2), 1966
/// (MIN); optimality of this rule for demand paging by Mattson et al. (IBM Systems Journal 9(2), 1970). Each access's
/// next use comes from <see cref="ReplacementContext.NextUse"/>, read once per hit and once per insert (none per
/// removal); the frames sit in a heap keyed by next use with the farthest on top, O(log n) per access. Open point:
/// among pages never used again the choice is free (any is optimal) and falls to the heap's order.
/// </remarks>
[ReplacementPolicy("opt", Description = "Belady's optimal: evicts the page used farthest in the future (offline)",
    Source = "Belady, IBM Systems Journal 5(2) 1966, MIN", Offline = true)]
public sealed class OptPolicy : IReplacementPolicy
{
    private readonly NextUseReader _nextUse;

    /// <summary>The frames by next use, farthest first (keyed by <see cref="NextUseReader.Never"/> minus it).</summary>
    private readonly IndexedMinHeap _farthest;

    /// <summary>Creates the policy for one replay.</summary>
    /// <exception cref="ArgumentException">The context carries no next uses (the replay is not offline).</exception>
    public OptPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _nextUse = context.NextUse ?? throw new ArgumentException(
            "opt reads the trace's future: start the replay with offline next uses", nameof(context));
        _farthest = new IndexedMinHeap(context.FrameCount);
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write) => Update(frame);

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write) => Update(frame);

    /// <inheritdoc/>
    public int SelectVictim(int page) => _farthest.Min;

    /// <inheritdoc/>
    /// <remarks>
    /// The frame leaves the heap; no next use is read (the removed page's next access, a fault, reads its own). With
    /// no faulting page, <see cref="SelectVictim"/> removes the page used farthest in the future, the best choice.
    /// </remarks>
    public void OnRemove(int frame) => _farthest.Remove(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    private void Update(int frame) => _farthest.Set(frame, (ulong)(NextUseReader.Never - _nextUse.Next()));
}
