namespace MemFw.Framework.Replacement;

/// <summary>
/// The contract of a page-replacement policy: the primitives the replay engine calls while it owns the loop, the
/// frames and the Accessed/Dirty bits (as libCacheSim's eviction algorithms fill in find, evict and insert steps).
/// </summary>
/// <remarks>
/// <para>
/// Frames are numbered 0..<see cref="ReplacementContext.FrameCount"/>-1; the policy keeps its own per-frame state in
/// arrays indexed by frame. Before calling <see cref="OnHit"/> or <see cref="OnInsert"/> the engine has set the
/// frame's Accessed bit, and its Dirty bit on a write, as x86 does for a PTE.
/// </para>
/// <para>
/// Implementations are sealed classes marked with <see cref="Plugins.ReplacementPolicyAttribute"/>; the generator
/// wraps each in a struct so that these calls are direct and inlinable on the per-access path. Implementations must
/// not allocate in these methods.
/// </para>
/// </remarks>
public interface IReplacementPolicy
{
    /// <summary>An access hit the page resident in <paramref name="frame"/>.</summary>
    void OnHit(int frame, bool write);

    /// <summary>A faulting page was placed in <paramref name="frame"/> (free, or just emptied by a victim).</summary>
    void OnInsert(int frame, bool write);

    /// <summary>Every frame is occupied and a page must go: return the frame whose page to evict.</summary>
    /// <param name="page">
    /// The dense id of the page that faulted and will be placed in the returned frame; policies with history (ghost
    /// lists) use it to adapt before choosing, as ARC's REPLACE(x, p) does. Most policies ignore it.
    /// </param>
    /// <remarks>
    /// The engine then evicts the frame's page (writing it back if dirty), places <paramref name="page"/> in the frame
    /// and calls <see cref="OnInsert"/> for it. While free frames remain the engine fills them without asking, so a
    /// fault reaches the policy through <see cref="OnInsert"/> alone.
    /// </remarks>
    int SelectVictim(int page);

    /// <summary>The periodic tick (every <see cref="ReplacementContext.TickPeriod"/> accesses), when an OS would sample and
    /// clear Accessed bits; policies that do not need it do nothing.</summary>
    void OnTick();
}
