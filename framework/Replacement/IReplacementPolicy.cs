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
/// The engine calls the primitives in these sequences only:
/// </para>
/// <list type="bullet">
/// <item><description>A hit: <see cref="OnHit"/>.</description></item>
/// <item><description>
/// A fault while some frame is empty: the engine places the page in an empty frame of its choice and calls
/// <see cref="OnInsert"/>. A single-VM replay fills frames 0..N-1 in order; a host that has reclaimed frames refills
/// them in any order (not only the frame removed last), so a policy must not assume which empty frame is filled.
/// </description></item>
/// <item><description>
/// A fault while every frame is occupied: <see cref="SelectVictim"/> with the faulting page, then the engine evicts
/// the victim's page, places the faulting page in that frame and calls <see cref="OnInsert"/> for it.
/// </description></item>
/// <item><description>
/// A removal, when the VMM reclaims memory from the VM (host swapping) and no page comes in:
/// <see cref="SelectVictim"/> with <see cref="FrameTable.NoPage"/>, then the engine evicts the victim's page
/// (writing it back if dirty), leaves the frame empty (<see cref="FrameTable.PageOf"/> gives
/// <see cref="FrameTable.NoPage"/>, Accessed and Dirty clear) and calls <see cref="OnRemove"/> for it. Some frames
/// may already be empty then; at least one is occupied.
/// </description></item>
/// <item><description>The tick: <see cref="OnTick"/>, between accesses.</description></item>
/// </list>
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

    /// <summary>
    /// A faulting page was placed in <paramref name="frame"/>: an empty frame (never filled, or emptied by
    /// <see cref="OnRemove"/>), or the frame <see cref="SelectVictim"/> just returned for this page.
    /// </summary>
    void OnInsert(int frame, bool write);

    /// <summary>A page must go: return the frame whose page to evict, always an occupied frame.</summary>
    /// <param name="page">
    /// The dense id of the page that faulted and will be placed in the returned frame; or
    /// <see cref="FrameTable.NoPage"/> when the frame is being reclaimed and will stay empty (a removal, followed by
    /// <see cref="OnRemove"/>). Policies with history (ghost lists) use a faulting page to adapt before choosing, as
    /// ARC's REPLACE(x, p) does; with <see cref="FrameTable.NoPage"/> they skip that adaptation and choose as for an
    /// unknown page. Most policies ignore it.
    /// </param>
    /// <remarks>
    /// With a faulting page the engine calls this only when every frame is occupied: while a frame is empty it fills
    /// that frame instead, so such a fault reaches the policy through <see cref="OnInsert"/> alone. With
    /// <see cref="FrameTable.NoPage"/> other frames may be empty; the victim must never be one of them. The engine
    /// throws if the returned frame is out of range or empty.
    /// </remarks>
    int SelectVictim(int page);

    /// <summary>
    /// The page in <paramref name="frame"/> left memory without a replacement (the VMM reclaimed it): forget the frame
    /// until an <see cref="OnInsert"/> fills it again.
    /// </summary>
    /// <remarks>
    /// Called right after <see cref="SelectVictim"/> returned <paramref name="frame"/> for
    /// <see cref="FrameTable.NoPage"/>, and only then; the frame is already empty. A policy with history treats the
    /// removal like an eviction for it (the removed page enters its ghost list as an evicted page would), either here
    /// or in that <see cref="SelectVictim"/> call. Later faults may fill any empty frame, in any order.
    /// </remarks>
    void OnRemove(int frame);

    /// <summary>The periodic tick (every <see cref="ReplacementContext.TickPeriod"/> accesses), when an OS would sample and
    /// clear Accessed bits; policies that do not need it do nothing.</summary>
    void OnTick();
}
