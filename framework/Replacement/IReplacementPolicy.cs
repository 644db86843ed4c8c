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
/// A fault below the VM's capacity while some frame is empty: the engine places the page in an empty frame of its
/// choice and calls <see cref="OnInsert"/>. A single-VM replay fills frames 0..N-1 in order; a host that has emptied
/// frames refills them in any order (not only the frame emptied last), so a policy must not assume which empty frame
/// is filled.
/// </description></item>
/// <item><description>
/// A fault at the VM's capacity: <see cref="SelectVictim"/> with the faulting page, then the engine evicts the
/// victim's page, places the faulting page in that frame and calls <see cref="OnInsert"/> for it. In a single-VM
/// replay the capacity is the frame count, so every frame is occupied then; a host may hold a VM below its frame
/// count, and then some frames are empty at this call.
/// </description></item>
/// <item><description>
/// A reclaim, when the VMM takes memory from the VM (host swapping) and no page comes in: <see cref="SelectVictim"/>
/// with <see cref="FrameTable.NoPage"/>, then the engine evicts the victim's page (writing it back if dirty), leaves
/// the frame empty (<see cref="FrameTable.PageOf"/> gives <see cref="FrameTable.NoPage"/>, Accessed and Dirty clear)
/// and calls <see cref="OnRemove"/> for it. Some frames may already be empty then; at least one is occupied.
/// </description></item>
/// <item><description>
/// A removal the engine chooses, when the guest frees a page or swaps it out itself (ballooning): the engine leaves
/// an occupied frame empty as above and calls <see cref="OnRemove"/> for it, with no <see cref="SelectVictim"/>
/// before; the policy did not choose that page.
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
    /// <see cref="FrameTable.NoPage"/> when the frame is being reclaimed and will stay empty (a reclaim, followed by
    /// <see cref="OnRemove"/>). Policies with history (ghost lists) use a faulting page to adapt before choosing, as
    /// ARC's REPLACE(x, p) does; with <see cref="FrameTable.NoPage"/> they skip that adaptation and choose as for an
    /// unknown page. Most policies ignore it.
    /// </param>
    /// <remarks>
    /// With a faulting page the VM is at its capacity: in a single-VM replay every frame is occupied, but a host may
    /// hold the VM below its frame count, so some frames may be empty; below capacity the engine fills an empty frame
    /// instead, so such a fault reaches the policy through <see cref="OnInsert"/> alone. With
    /// <see cref="FrameTable.NoPage"/> other frames may be empty too. Either way the victim must never be an empty
    /// frame (a hand or a scan skips frames whose <see cref="FrameTable.PageOf"/> is <see cref="FrameTable.NoPage"/>).
    /// The engine throws if the returned frame is out of range or empty.
    /// </remarks>
    int SelectVictim(int page);

    /// <summary>
    /// The page in <paramref name="frame"/> left memory without a replacement: forget the frame until an
    /// <see cref="OnInsert"/> fills it again.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Called in two cases; the frame is already empty in both. Right after <see cref="SelectVictim"/> returned
    /// <paramref name="frame"/> for <see cref="FrameTable.NoPage"/> (a reclaim): a policy with history treats it
    /// like an eviction (the page enters its ghost list as an evicted page would), either here or in that
    /// <see cref="SelectVictim"/> call. Or with no <see cref="SelectVictim"/> before (an engine-chosen removal of an
    /// occupied frame the policy did not choose; the guest freed the page): the policy forgets the page; a policy
    /// with history may record it as evicted instead, but must keep its invariants (list sizes, hands, counts). A
    /// policy that does its removal work in <see cref="SelectVictim"/> tells the two apart itself, e.g. by keeping
    /// the page each frame held and checking whether it still counts as resident.
    /// </para>
    /// <para>Later faults may fill any empty frame, in any order.</para>
    /// </remarks>
    void OnRemove(int frame);

    /// <summary>The periodic tick (every <see cref="ReplacementContext.TickPeriod"/> accesses), when an OS would sample and
    /// clear Accessed bits; policies that do not need it do nothing.</summary>
    void OnTick();
}
