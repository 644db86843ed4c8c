using System.Runtime.CompilerServices;
using MemFw.Framework.Content.Backing;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// One VM of a host run: two replacement pools over the VM's pages, the guest's (its RAM, shrunk by the balloon) and
/// the VMM's (the machine frames it grants), and what happens when a page moves between them. docs/ballooning.md
/// explains the model.
/// </summary>
/// <remarks>
/// <para>
/// Every access goes to the guest pool first: a page the guest does not hold is a guest fault (a first touch, a
/// guest swap-in, or the re-use of a page it gave to its balloon as free). A guest at its capacity (installed memory
/// minus the balloon) evicts a page with its own policy: a guest swap-out; if the VMM had swapped that page, the guest
/// must read it back first, which is double paging. Then the access goes to the VMM pool, which holds a subset of the
/// guest's pages: a page without a machine frame is a VMM fault, a VMM swap-in if the VMM had swapped it. A VMM pool
/// at its capacity (the VM's limit, or its allocation while the host is in the low state) or on a host without free
/// frames replaces one of the VM's own pages, chosen by the VMM's policy.
/// </para>
/// <para>
/// Generic over both policy structs, so the per-access path has no interface call; it allocates nothing per access.
/// Memory grows with the VM's distinct pages.
/// </para>
/// <para>
/// Contents (<see cref="HostContent"/>): a resident page holds a machine frame of the VM, or none while it maps a
/// shared frame. The trace's first write to a page whose start content is known tells the content model, which may
/// break a share (the page then takes a frame of its own, as any VMM fault does).
/// </para>
/// </remarks>
internal sealed class VmReplay<TGuest, TVmm> : IWorkingSetProbe, IContentPages
    where TGuest : struct, IReplacementPolicy
    where TVmm : struct, IReplacementPolicy
{
    /// <summary>A <see cref="_machineFrameOf"/> entry of a resident page that maps a shared frame.</summary>
    private const int NoFrame = -1;

    private readonly HostMemory _host;
    private readonly ReplacementDriver<TGuest> _guest;
    private readonly ReplacementDriver<TVmm> _vmm;
    private readonly int _vmmSlots;
    private readonly int[] _machineFrameOf;
    private readonly long[] _lastTouch;
    private readonly GuestPageState[] _state;
    /// <summary>Each page's version in the backing stores: counts its dirty VMM swap-outs.</summary>
    private readonly long[] _stamps;

    /// <summary>Each page's patch size while it is stored as a patch (<see cref="GuestPageState.VmmPatched"/>).</summary>
    private readonly int[] _patchBytes;

    /// <summary>The VM's time at the last patching point: a page not touched since is cold.</summary>
    private long _coldBefore;
    private readonly long[] _guestFrames;
    private readonly long? _freeWindow;
    private readonly IWorkingSetEstimator _estimator;
    private readonly long _tickPeriod;
    private readonly HostForm _form;
    private readonly HostContent _content;
    private readonly bool[] _known;

    /// <summary>
    /// Whether the guest pool follows the accesses. Until the guest's RAM (memory minus balloon) is smaller than the
    /// pages the VM will ever touch, the guest can evict nothing, so its policy decides nothing: the pool stays idle
    /// and every touched page is held. When the RAM first falls below that, <see cref="ActivateGuest"/> rebuilds the
    /// pool by replaying the VM's accesses so far through it, which gives the policy exactly the state it would have
    /// had (it only ever saw those accesses and ticks). Most runs never squeeze a guest that far, and the per-access
    /// path then pays for one pool, not two.
    /// </summary>
    private bool _guestActive;
    private Dictionary<long, int>? _localOf;
    private long _time;
    private long _nextEstimate;
    private long _nextTick;
    private long _nextWork;
    private long _periodStart;
    private long _guestEvictionsSeen;

    /// <summary>Creates the VM with every page untouched and nothing granted.</summary>
    /// <param name="view">The VM's view, quotas set.</param>
    /// <param name="host">The host memory.</param>
    /// <param name="guestFrames">The guest frame number of each of the VM's dense page ids.</param>
    /// <param name="guest">Creates the guest's policy over a frame table.</param>
    /// <param name="vmm">Creates the VMM's policy over a frame table.</param>
    /// <param name="guestName">The guest policy's name.</param>
    /// <param name="vmmName">The VMM policy's name.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="freeWindow">The guest-free window, or null.</param>
    /// <param name="estimator">The VM's working-set estimator.</param>
    /// <param name="tickPeriod">The VM's accesses between two ticks of its policies.</param>
    /// <param name="form">The host form, from which the guest pool is rebuilt when it first matters.</param>
    /// <param name="eagerGuest">Whether the guest pool runs from the start (tests check that it changes nothing).</param>
    /// <param name="content">The host's content model.</param>
    public VmReplay(VmView view, HostMemory host, long[] guestFrames, Func<ReplacementContext, TGuest> guest,
        Func<ReplacementContext, TVmm> vmm, string guestName, string vmmName, int seed, long? freeWindow,
        IWorkingSetEstimator estimator, long tickPeriod, HostForm form, bool eagerGuest, HostContent content)
    {
        View = view;
        _host = host;
        _form = form;
        _content = content;
        _known = content.KnownFlags(view.Id);
        _guestFrames = guestFrames;
        var pages = guestFrames.Length;
        var guestSlots = (int)Math.Max(1, Math.Min(pages, view.MaxMemPages));
        var guestTable = new FrameTable(guestSlots);
        _guest = new ReplacementDriver<TGuest>(
            guest(new ReplacementContext(guestTable, pages, tickPeriod,
                ReplaySession.DeriveSeed(seed, $"{view.Name}/guest/{guestName}"), null)),
            guestName, guestTable, pages);
        _vmmSlots = (int)Math.Max(1, Math.Min(pages, view.LimitPages));
        var vmmTable = new FrameTable(_vmmSlots);
        _vmm = new ReplacementDriver<TVmm>(
            vmm(new ReplacementContext(vmmTable, pages, tickPeriod,
                ReplaySession.DeriveSeed(seed, $"{view.Name}/vmm/{vmmName}"), null)),
            vmmName, vmmTable, pages);
        _machineFrameOf = new int[_vmmSlots];
        Array.Fill(_machineFrameOf, NoFrame);
        _lastTouch = new long[pages];
        _state = new GuestPageState[pages];
        _stamps = new long[pages];
        _patchBytes = new int[pages];
        _freeWindow = freeWindow;
        _estimator = estimator;
        _tickPeriod = tickPeriod;
        _nextEstimate = Math.Max(1, estimator.Period);
        _nextTick = tickPeriod;
        _nextWork = Math.Min(_nextEstimate, _nextTick);
        if (eagerGuest)
        {
            _guestActive = true;
        }

        SetGuestCapacity();
    }

    /// <summary>The VM as host policies see it.</summary>
    public VmView View { get; }

    /// <summary>The VM's event counts.</summary>
    public VmCounters Counters { get; private set; } = new();

    /// <inheritdoc/>
    public long Now => _time;

    /// <summary>Whether the guest had to swap pages out since the last call (it is short of RAM); marks them seen.</summary>
    public bool TakeGuestSwapping()
    {
        var swapped = Counters.GuestSwapOuts > _guestEvictionsSeen;
        _guestEvictionsSeen = Counters.GuestSwapOuts;
        return swapped;
    }

    /// <summary>One access of the VM to its dense page <paramref name="page"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Access(int page, bool write)
    {
        var now = ++_time;
        _lastTouch[page] = now;
        if (_guestActive ? !_guest.Access(page, write) : _state[page] == GuestPageState.Untouched)
        {
            GuestFault(page);
        }

        if (!_vmm.Access(page, write))
        {
            VmmFault(page);
        }

        if (write && _known[page])
        {
            FirstWrite(page);
        }

        if (now >= _nextWork)
        {
            PeriodicWork();
        }
    }

    /// <inheritdoc/>
    public bool TouchedSince(long gfn, long time)
    {
        _localOf ??= _guestFrames.Select((frame, local) => (frame, local)).ToDictionary(p => p.frame, p => p.local);
        return _localOf.TryGetValue(gfn, out var local) && _lastTouch[local] > 0 && _lastTouch[local] >= time;
    }

    /// <inheritdoc/>
    public long CountTouchedSince(long time)
    {
        var count = 0L;
        foreach (var touched in _lastTouch)
        {
            if (touched > 0 && touched >= time)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Starts counting from zero: what happened before (loading the start snapshot) is not the trace's.</summary>
    public void StartMeasuring()
    {
        Counters = new VmCounters { PeakGranted = _vmm.Resident };
        _guestEvictionsSeen = 0;
    }

    /// <summary>Resident pages that map a shared frame (no frame of the VM's own).</summary>
    public long PagesOnSharedFrames()
    {
        var count = 0L;
        for (var page = 0; page < _state.Length; page++)
        {
            count += _vmm.IsResident(page) && _machineFrameOf[_vmm.FrameOf(page)] == NoFrame ? 1 : 0;
        }

        return count;
    }

    /// <inheritdoc/>
    public int TakeOwnFrame(int page)
    {
        var slot = _vmm.FrameOf(page);
        var machine = _machineFrameOf[slot];
        _machineFrameOf[slot] = NoFrame;
        return machine;
    }

    /// <inheritdoc/>
    public void GiveOwnFrame(int page, int machine) => _machineFrameOf[_vmm.FrameOf(page)] = machine;

    /// <summary>Pages stored as patches now.</summary>
    public long PatchedPages()
    {
        var count = 0L;
        foreach (var state in _state)
        {
            count += state == GuestPageState.VmmPatched ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Adds the VM's resident pages whose bytes are known to a patching plan: each with its content, and whether it
    /// may be patched (cold: not touched since the last call, and on a frame of its own); the others may serve as
    /// references.
    /// </summary>
    public void CollectPatchable(List<Content.Patching.FrameContent> frames, List<(int Vm, int Page, bool Cold)> pages)
    {
        for (var page = 0; page < _state.Length; page++)
        {
            if (_state[page] == GuestPageState.Resident && _vmm.IsResident(page)
                && _content.TryGetBytes(View.Id, page, out var bytes, out var hash))
            {
                frames.Add(new Content.Patching.FrameContent(bytes, 1, hash));
                pages.Add((View.Id, page, _lastTouch[page] < _coldBefore
                    && _machineFrameOf[_vmm.FrameOf(page)] != NoFrame && !_content.IsReference(View.Id, page)));
            }
        }

        _coldBefore = _time;
    }

    /// <summary>
    /// Stores resident <paramref name="page"/> as a patch of <paramref name="bytes"/> bytes against
    /// <paramref name="reference"/>: its frame goes back to the host, the patch to the host's patch memory.
    /// </summary>
    public void PatchOut(int page, int bytes, (int Vm, int Page) reference)
    {
        ReleaseFrame(_vmm.FrameOf(page));
        _vmm.Remove(page);
        Unmapped(page);
        _state[page] = GuestPageState.VmmPatched;
        _patchBytes[page] = bytes;
        _host.PatchBytes += bytes;
        _host.SyncStoreFrames();
        _content.PatchedAgainst(View.Id, page, reference);
        Counters.PatchesMade++;
        Refresh();
    }

    /// <summary>Brings the views' sizes up to date.</summary>
    public void Refresh()
    {
        View.GrantedPages = _vmm.Resident;
        Counters.PeakGranted = Math.Max(Counters.PeakGranted, View.GrantedPages);
    }

    /// <summary>Moves the balloon to <paramref name="target"/> pages: the guest gives up pages or gets them back.</summary>
    public void SetBalloon(long target)
    {
        target = Math.Clamp(target, 0, View.MemoryPages - 1);
        View.BalloonTargetPages = target;
        var change = target - View.BalloonPages;
        if (change > 0)
        {
            Counters.BalloonInflated += change;
            Counters.StallMicroseconds += change * _host.Costs.BalloonInflate;
        }
        else if (change < 0)
        {
            Counters.BalloonDeflated -= change;
            Counters.StallMicroseconds -= change * _host.Costs.BalloonDeflate;
        }

        View.BalloonPages = target;
        SetGuestCapacity();
    }

    /// <summary>Hot-plugs <paramref name="pages"/> more pages of guest RAM (up to maxmem).</summary>
    public void HotPlug(long pages)
    {
        pages = Math.Min(pages, View.MaxMemPages - View.MemoryPages);
        if (pages <= 0)
        {
            return;
        }

        View.MemoryPages += pages;
        Counters.HotPlugged += pages;
        SetGuestCapacity();
    }

    /// <summary>The VMM swaps out up to <paramref name="count"/> of the VM's pages, chosen by its policy.</summary>
    public void Reclaim(long count)
    {
        for (var done = 0L; done < count && _vmm.Resident > 0; done++)
        {
            var page = _vmm.ReclaimOne(out var dirty, out var frame);
            ReleaseFrame(frame);
            SwappedOut(page, dirty);
        }

        Refresh();
    }

    /// <summary>Freezes the VM's machine allocation (the low state blocks VMs from growing) or lifts the freeze.</summary>
    public void Block(bool blocked) => _vmm.Capacity = blocked ? Math.Max(1, _vmm.Resident) : _vmmSlots;

    /// <summary>Checks that the pools and the host agree, for tests.</summary>
    public void CheckInvariants()
    {
        var resident = 0;
        for (var page = 0; page < _state.Length; page++)
        {
            var inGuest = _guestActive
                ? _guest.IsResident(page)
                : _state[page] is GuestPageState.Resident or GuestPageState.VmmSwapped or GuestPageState.VmmPatched;
            var inVmm = _vmm.IsResident(page);
            var expected = _state[page] switch
            {
                GuestPageState.Resident => inGuest && inVmm,
                GuestPageState.VmmSwapped or GuestPageState.VmmPatched => inGuest && !inVmm,
                _ => !inGuest && !inVmm,
            };
            if (!expected)
            {
                throw new InvalidOperationException(
                    $"VM {View.Name}: page {page} is {_state[page]} but guest={inGuest}, vmm={inVmm}");
            }

            resident += inVmm && _machineFrameOf[_vmm.FrameOf(page)] != NoFrame ? 1 : 0;
        }

        if (resident != _host.Allocator.FramesOf(View.Id) || _guest.Resident > _guest.Capacity)
        {
            throw new InvalidOperationException($"VM {View.Name}: {resident} pages resident on frames of their own, "
                + $"{_host.Allocator.FramesOf(View.Id)} frames allocated, guest {_guest.Resident}/{_guest.Capacity}");
        }
    }

    private void GuestFault(int page)
    {
        Counters.GuestFaults++;
        switch (_state[page])
        {
            case GuestPageState.Untouched:
                Counters.FirstTouches++;
                View.TouchedPages++;
                break;
            case GuestPageState.GuestSwapped:
                Counters.GuestSwapIns++;
                View.GuestSwappedPages--;
                Counters.StallMicroseconds += _host.Costs.GuestSwapIn;
                break;
        }

        if (_guestActive && _guest.LastEvicted != FrameTable.NoPage)
        {
            GuestSwapOut(_guest.LastEvicted, _guest.LastEvictedDirty);
        }
    }

    private void VmmFault(int page)
    {
        Counters.Faults++;
        if (_state[page] == GuestPageState.VmmPatched)
        {
            Counters.PatchFaults++;
            Counters.StallMicroseconds += _host.Costs.PatchDecode;
            DropPatch(page);
        }
        else if (_state[page] == GuestPageState.VmmSwapped)
        {
            Counters.SwapIns++;
            View.SwappedPages--;
            Counters.StallMicroseconds += _host.Backing.SwapIn(new SwapKey(View.Id, page), out _);
            _host.SyncStoreFrames();
        }
        else if (_state[page] != GuestPageState.GuestSwapped)
        {
            // A page with no content to restore (first touch, or a freed page used again) is zero-filled; a guest
            // swap-in fills its frame from the guest's swap, already charged.
            Counters.StallMicroseconds += _host.Costs.ZeroFill;
        }

        _state[page] = GuestPageState.Resident;
        if (_vmm.LastEvicted != FrameTable.NoPage)
        {
            // At capacity: the victim's machine frame, if it had one of its own, now backs the page.
            Counters.LocalReplacements++;
            SwappedOut(_vmm.LastEvicted, _vmm.LastEvictedDirty);
        }

        if (_machineFrameOf[_vmm.FrameOf(page)] == NoFrame && !AcquireFrame(page))
        {
            return;
        }

        Counters.PeakGranted = Math.Max(Counters.PeakGranted, _vmm.Resident);
        _content.Mapped(View.Id, page);
    }

    /// <summary>
    /// Gives resident <paramref name="page"/> a machine frame of its own: a free frame of the host, or, when the host
    /// has none, the frame of one of the VM's own pages, which the VMM swaps out as at its limit.
    /// </summary>
    /// <returns>False when the VMM's policy chose <paramref name="page"/> itself, which is then swapped out.</returns>
    private bool AcquireFrame(int page)
    {
        while (true)
        {
            var machine = _host.Allocate(View.Id);
            if (machine >= 0)
            {
                _machineFrameOf[_vmm.FrameOf(page)] = machine;
                return true;
            }

            Counters.LocalReplacements++;
            var victim = _vmm.ReclaimOne(out var dirty, out var victimFrame);
            var inherited = victim == page ? NoFrame : _machineFrameOf[victimFrame];
            _machineFrameOf[victimFrame] = NoFrame;
            SwappedOut(victim, dirty);
            if (victim == page)
            {
                return false;
            }

            if (inherited != NoFrame)
            {
                _machineFrameOf[_vmm.FrameOf(page)] = inherited;
                return true;
            }
        }
    }

    /// <summary>Returns the machine frame of VMM slot <paramref name="slot"/>, if it holds one of its own, to the host.</summary>
    private void ReleaseFrame(int slot)
    {
        if (_machineFrameOf[slot] != NoFrame)
        {
            _host.Allocator.Release(_machineFrameOf[slot], View.Id);
            _machineFrameOf[slot] = NoFrame;
        }
    }

    /// <summary>
    /// The trace's first write to <paramref name="page"/>, whose start content was known: its content is unknown from
    /// now on, and if it mapped a shared frame it is copied to a frame of its own.
    /// </summary>
    private void FirstWrite(int page)
    {
        _content.LeavesWhole(View.Id, page);
        if (_content.FirstWrite(View.Id, page) && _vmm.IsResident(page))
        {
            Counters.CopyOnWrites++;
            Counters.StallMicroseconds += _host.Costs.ZeroFill;
            AcquireFrame(page);
        }
    }

    /// <summary>
    /// The VMM took <paramref name="page"/>'s frame: the page now lives in the backing stores, written there unless it
    /// is clean and they hold its current version.
    /// </summary>
    private void SwappedOut(int page, bool dirty)
    {
        Unmapped(page);
        Counters.SwapOuts++;
        View.SwappedPages++;
        _state[page] = GuestPageState.VmmSwapped;
        if (dirty)
        {
            Counters.WriteBacks++;
            _stamps[page]++;
        }

        var key = new SwapKey(View.Id, page);
        if (dirty || !_host.Backing.Holds(key, _stamps[page]))
        {
            Counters.StallMicroseconds += _host.Backing.SwapOut(key, _stamps[page],
                _content.CompressedBytes(View.Id, page));
            _host.SyncStoreFrames();
        }
    }

    /// <summary>The guest evicted <paramref name="page"/> to its own swap.</summary>
    private void GuestSwapOut(int page, bool dirty)
    {
        LeaveGuest(page);
        Counters.GuestSwapOuts++;
        View.GuestSwappedPages++;
        _state[page] = GuestPageState.GuestSwapped;
        if (dirty)
        {
            Counters.GuestWriteBacks++;
            Counters.StallMicroseconds += _host.Costs.WriteBack;
        }
    }

    /// <summary>
    /// <paramref name="page"/> left the guest's RAM: its machine frame goes back to the host, or, if the VMM had
    /// swapped it, the guest's read of it brings it back first (double paging) unless the guest just drops it. Either
    /// way the backing stores forget it: the guest's swap, or nothing, holds it now.
    /// </summary>
    private void LeaveGuest(int page, bool read = true)
    {
        var key = new SwapKey(View.Id, page);
        if (_state[page] == GuestPageState.VmmPatched)
        {
            // The guest reads the page to swap it out (rebuilt from its patch), or drops it.
            Counters.StallMicroseconds += read ? _host.Costs.PatchDecode : 0;
            DropPatch(page);
        }
        else if (_state[page] == GuestPageState.VmmSwapped)
        {
            View.SwappedPages--;
            if (read)
            {
                Counters.DoublePaging++;
                Counters.SwapIns++;
                Counters.StallMicroseconds += _host.Backing.SwapIn(key, out _);
            }
        }
        else
        {
            ReleaseFrame(_vmm.FrameOf(page));
            _vmm.Remove(page);
            Unmapped(page);
        }

        _host.Backing.Discard(key);
        _host.SyncStoreFrames();
    }

    /// <summary>The patch of <paramref name="page"/> is no longer needed: the page is rebuilt or gone.</summary>
    private void DropPatch(int page)
    {
        _host.PatchBytes -= _patchBytes[page];
        _patchBytes[page] = 0;
        _content.PatchDropped(View.Id, page);
        _host.SyncStoreFrames();
    }

    /// <summary>
    /// <paramref name="page"/> left the VMM's pool (its own frame, if any, already released): the content model
    /// unmaps it, and a page that mapped a shared frame is counted, as giving it up freed the host no frame of the VM;
    /// so is a page that was a live patch's reference.
    /// </summary>
    private void Unmapped(int page)
    {
        _content.LeavesWhole(View.Id, page);
        Counters.SharedReleases += _content.Unmapped(View.Id, page) ? 1 : 0;
    }

    /// <summary>Sets the guest's capacity to its memory minus its balloon, shedding pages it no longer has room for.</summary>
    private void SetGuestCapacity()
    {
        var capacity = (int)Math.Clamp(View.MemoryPages - View.BalloonPages, 1, _guest.FrameCount);
        if (!_guestActive)
        {
            if (capacity >= _state.Length)
            {
                return;
            }

            ActivateGuest();
        }

        var excess = _guest.Resident - capacity;
        if (excess > 0 && _freeWindow is { } window)
        {
            excess -= FreeIdlePages(excess, _time - window);
        }

        for (; excess > 0; excess--)
        {
            var page = _guest.ReclaimOne(out var dirty, out _);
            GuestSwapOut(page, dirty);
        }

        _guest.Capacity = capacity;
        Refresh();
    }

    /// <summary>
    /// The guest gives up to <paramref name="count"/> of its pages idle since before <paramref name="idleBefore"/> to
    /// its balloon as free, least recently used first, at no I/O cost.
    /// </summary>
    /// <returns>The pages freed.</returns>
    private int FreeIdlePages(int count, long idleBefore)
    {
        var idle = new List<int>();
        for (var page = 0; page < _state.Length; page++)
        {
            if (_lastTouch[page] < idleBefore && _guest.IsResident(page))
            {
                idle.Add(page);
            }
        }

        idle.Sort((a, b) => _lastTouch[a].CompareTo(_lastTouch[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var freed = Math.Min(count, idle.Count);
        for (var i = 0; i < freed; i++)
        {
            var page = idle[i];
            LeaveGuest(page, read: false);
            _guest.Remove(page);
            _state[page] = GuestPageState.GuestFreed;
            Counters.GuestFreed++;
        }

        return freed;
    }

    /// <summary>
    /// Starts the guest pool: replays the VM's accesses so far, with its ticks, through the pool, which never had to
    /// evict while idle (its capacity was the VM's distinct pages), so its policy ends in the state it would have had.
    /// </summary>
    private void ActivateGuest()
    {
        _guestActive = true;
        var pages = _form.Pages;
        var replayed = 0L;
        using var reader = _form.OpenReader();
        for (var block = reader.ReadBlock(); !block.IsEmpty && replayed < _time; block = reader.ReadBlock())
        {
            foreach (var entry in block)
            {
                var page = pages[(int)(entry >> 1)];
                if (page.Vm != View.Id)
                {
                    continue;
                }

                _guest.Access(page.Local, (entry & 1) != 0);
                if (++replayed % _tickPeriod == 0)
                {
                    _guest.Policy.OnTick();
                }

                if (replayed == _time)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The working-set estimate and the policies' tick, at their periods of the VM's time.</summary>
    private void PeriodicWork()
    {
        if (_time >= _nextTick)
        {
            if (_guestActive)
            {
                _guest.Policy.OnTick();
            }

            _vmm.Policy.OnTick();
            _nextTick += _tickPeriod;
        }

        if (_time >= _nextEstimate)
        {
            View.ActivePages = _estimator.Estimate(View, this, _periodStart);
            _periodStart = _time;
            _nextEstimate += Math.Max(1, _estimator.Period);
        }

        _nextWork = Math.Min(_nextEstimate, _nextTick);
    }
}
