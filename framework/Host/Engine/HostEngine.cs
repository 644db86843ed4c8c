using MemFw.Framework.Content.Backing;
using MemFw.Framework.Content.Patching;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// The multi-VM host: replays a <see cref="HostForm"/> through each VM's guest and VMM pools and, every rebalancing
/// period, runs the host's policies: pressure state, balloon targets, victim selection and VMM swapping, blocking in
/// the low state, and hot-plug. Generic over the guest and VMM policy structs, so the per-access path is direct.
/// </summary>
/// <remarks>
/// A rebalancing point (every <see cref="HostConfig.RebalancePeriod"/> accesses of all VMs, and at once when free
/// memory falls to the out-of-memory level) does, in order: (1) the pressure state from free memory, with
/// hysteresis; (2) balloon targets from the strategy, each balloon moved to its target at once (guests shed pages as
/// docs/ballooning.md says); (3) if the state is soft, hard or low and free memory is below the high level, the
/// victim selector splits the shortfall among the VMs (in the soft state only among VMs that cannot be ballooned) and
/// the VMM swaps out that many pages of each, chosen by the swap policy; (4) in the low state every VM above its
/// guarantee is blocked from taking more frames (it replaces its own pages); (5) in the high state a guest that had to
/// swap since the last point gets <see cref="HostConfig.HotPlugStepBytes"/> more RAM, up to its maxmem; (6) a sample.
/// Before all of it, the sharing scanner runs for the time since the last point (<see cref="HostContent"/>).
/// <para>
/// A run that starts from the VMs' snapshots (<see cref="HostStart.Snapshot"/>) first replays the form's preload: the
/// snapshot pages are loaded with a rebalancing point every 1/<see cref="WarmupPoints"/> of it, over which the
/// scanner spends <see cref="SharingConfig.Warmup"/>. Then every count starts again from zero: results describe the
/// trace's accesses only. After the preload, scan time is the VMs' own: accesses since the last point times the
/// <see cref="CostModel.Access"/> time, divided by the VMs (they run side by side).
/// </para>
/// </remarks>
internal sealed class HostEngine<TGuest, TVmm>
    where TGuest : struct, IReplacementPolicy
    where TVmm : struct, IReplacementPolicy
{
    private readonly Scenario _scenario;
    private readonly HostForm _form;
    private readonly HostMemory _memory;
    private readonly HostView _host = new();
    private readonly VmReplay<TGuest, TVmm>[] _vms;
    private readonly VmView[] _views;
    private readonly IVictimSelector _selector;
    private readonly IBalloonStrategy? _balloon;
    /// <summary>Rebalancing points over the preload of a snapshot start.</summary>
    private const int WarmupPoints = 32;

    private readonly List<HostSample> _samples = [];
    private readonly HostContent _content;
    private readonly long[] _accessesInState = new long[4];
    private long _stateSince;
    private long _rebalances;
    private long _notifications;
    private long _minFree;
    private long _lastScan;
    private IReadOnlyList<BackingStoreCounters>? _storesBefore;
    private readonly PatchPlanner? _planner;
    private double _patchCpu;
    private long _referencesLostBefore;
    private long _start;

    /// <summary>Sets up the host with every VM empty and the hypervisor's overhead frames taken.</summary>
    public HostEngine(Scenario scenario, HostForm form, HostPolicies policies, string guestName,
        Func<ReplacementContext, TGuest> guest, string vmmName, Func<ReplacementContext, TVmm> vmm, bool eagerGuest)
    {
        _scenario = scenario;
        _form = form;
        var config = scenario.Host;
        _memory = new HostMemory(config, scenario.Vms.Count, policies.BackingStores, scenario.Seed);
        var context = (string role) =>
            new HostPluginContext(ReplaySession.DeriveSeed(scenario.Seed, role), config.RebalancePeriod);
        _selector = policies.VictimSelector(context($"victim-selector/{config.VictimSelector.Label}"));
        _balloon = policies.Balloon?.Invoke(context($"balloon/{config.Balloon?.Label}"));
        _views = new VmView[scenario.Vms.Count];
        _vms = new VmReplay<TGuest, TVmm>[scenario.Vms.Count];
        var contentPages = new IContentPages[_vms.Length];
        _content = new HostContent(config.Sharing, form, _memory.Allocator, contentPages,
            policies.SharingScanner?.Invoke(context($"sharing/{config.Sharing.Scanner?.Label}")), policies.Codec?.Invoke(context($"codec/{config.Codec.Label}")));
        for (var i = 0; i < _vms.Length; i++)
        {
            var vm = scenario.Vms[i];
            for (var p = 0L; p < vm.OverheadPages; p++)
            {
                if (_memory.Allocator.TryAllocate(MachineFrameAllocator.Hypervisor) < 0)
                {
                    throw new ArgumentException($"host RAM {config.RamPages} pages cannot hold the VMs' overheads",
                        nameof(scenario));
                }
            }

            _views[i] = new VmView
            {
                Id = i,
                Name = vm.Name,
                Shares = vm.Shares,
                MemoryPages = vm.MemoryPages,
                GuaranteePages = vm.GuaranteePages,
                LimitPages = vm.LimitPages,
                MaxMemPages = vm.MaxMemPages,
                HasBalloon = vm.HasBalloon,
            };
            var estimator = policies.WorkingSet(context($"{vm.Name}/working-set/{config.WorkingSet.Label}"));
            _vms[i] = new VmReplay<TGuest, TVmm>(_views[i], _memory, form.GuestFrames[i], guest, vmm, guestName,
                vmmName, scenario.Seed, config.GuestFreeWindow, estimator, ReplaySettings.DefaultTickPeriod, form,
                eagerGuest, _content);
            contentPages[i] = _vms[i];
        }

        _planner = config.Patching ? new PatchPlanner(new PatchOptions { CutoffBytes = config.PatchCutoffBytes }) : null;
        _host.TotalFrames = _memory.Allocator.TotalFrames;
        _host.HypervisorFrames = _memory.Allocator.HypervisorFrames;
        _minFree = _memory.Allocator.FreeFrames;
    }

    /// <summary>Checks every VM's pools against the host's frames after each rebalancing (tests).</summary>
    public bool CheckInvariants { get; init; }

    /// <summary>Replays the whole form.</summary>
    public HostRunResult Run(IReadOnlyList<KeyValuePair<string, string>> policyNames, IProgress<double>? progress)
    {
        var period = _scenario.Host.RebalancePeriod;
        var pages = _form.Pages;
        var vms = _vms;
        var memory = _memory;
        var preload = _form.PreloadAccesses;
        var total = Math.Max(1, _form.AccessCount + preload);
        var warmupStep = Math.Max(1, (preload + WarmupPoints - 1) / WarmupPoints);
        var nextRebalance = preload > 0 ? Math.Min(warmupStep, preload) : period;
        memory.NextEvent = nextRebalance;
        var position = 0L;
        using (var reader = _form.OpenReader())
        {
            for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
            {
                foreach (var entry in block)
                {
                    var page = pages[(int)(entry >> 1)];
                    vms[page.Vm].Access(page.Local, (entry & 1) != 0);
                    if (++position >= memory.NextEvent)
                    {
                        if (memory.OutOfMemory && position < nextRebalance)
                        {
                            _notifications++;
                            Rebalance(position);
                        }
                        else if (position >= nextRebalance)
                        {
                            Rebalance(position);
                            memory.OutOfMemory = false;
                            if (position < preload)
                            {
                                nextRebalance = Math.Min(position + warmupStep, preload);
                            }
                            else
                            {
                                if (position == preload)
                                {
                                    StartMeasuring(position);
                                }

                                nextRebalance = position + period;
                            }
                        }

                        memory.NextEvent = nextRebalance;
                    }
                }

                progress?.Report((double)position / total);
            }
        }

        Observe(position);
        Sample(position);
        return Result(position - _start, policyNames);
    }

    /// <summary>The preload is over: counting starts, so that results describe the trace's accesses only.</summary>
    private void StartMeasuring(long now)
    {
        _start = now;
        _stateSince = now;
        _rebalances = 0;
        _notifications = 0;
        Array.Clear(_accessesInState);
        _samples.Clear();
        _minFree = _memory.Allocator.FreeFrames;
        foreach (var vm in _vms)
        {
            vm.StartMeasuring();
        }

        _content.StartMeasuring();
        _storesBefore = _memory.Backing.Counters;
        _patchCpu = 0;
        _referencesLostBefore = _content.ReferencesLost;
        Sample(now);
    }

    private void Rebalance(long now)
    {
        _rebalances++;
        var allocator = _memory.Allocator;
        var preload = _form.PreloadAccesses;
        _content.Scan(_lastScan < preload
            ? _scenario.Host.Sharing.Warmup * ((double)(now - _lastScan) / preload)
            : TimeSpan.FromMicroseconds((now - _lastScan) * _scenario.Host.Costs.Access / _vms.Length));
        _lastScan = now;
        Patch();
        _memory.SyncStoreFrames();
        Observe(now);
        var thresholds = _scenario.Host.Pressure;
        _host.State = thresholds.Next(_host.State, _host.FreeFraction);

        if (_balloon is not null)
        {
            Span<long> targets = stackalloc long[_vms.Length];
            _balloon.SetTargets(_host, _views, targets);
            for (var i = 0; i < _vms.Length; i++)
            {
                if (_views[i].HasBalloon)
                {
                    _vms[i].SetBalloon(targets[i]);
                }
            }

            _host.FreeFrames = allocator.FreeFrames;
        }

        var shortfall = (long)Math.Ceiling(thresholds.High * _host.TotalFrames) - _host.FreeFrames;
        if (_host.State != PressureState.High && shortfall > 0)
        {
            SwapOut(shortfall);
        }

        var low = _host.State == PressureState.Low;
        var hotPlug = _host.State == PressureState.High;
        foreach (var vm in _vms)
        {
            vm.Block(low && vm.View.GrantedPages > vm.View.GuaranteePages);
            if (vm.TakeGuestSwapping() && hotPlug)
            {
                vm.HotPlug(_scenario.Host.HotPlugPages);
            }
        }

        Sample(now);
        if (CheckInvariants)
        {
            allocator.CheckInvariants();
            _content.CheckInvariants();
            if (allocator.StoreFrames + _memory.StoreShortfall != _memory.StoreFramesUsed)
            {
                throw new InvalidOperationException($"the stores use {_memory.StoreFramesUsed} frames, the host "
                    + $"gave them {allocator.StoreFrames} and owes {_memory.StoreShortfall}");
            }
            foreach (var vm in _vms)
            {
                vm.CheckInvariants();
            }
        }
    }

    /// <summary>
    /// Difference Engine's patching point: every VM's cold resident pages whose bytes are known are stored as patches
    /// against similar resident pages, where the patch is within the cutoff (<see cref="PatchPlanner"/>).
    /// </summary>
    private void Patch()
    {
        if (_planner is null)
        {
            return;
        }

        var frames = new List<FrameContent>();
        var pages = new List<(int Vm, int Page, bool Cold)>();
        foreach (var vm in _vms)
        {
            vm.CollectPatchable(frames, pages);
        }

        var plan = _planner.Plan(frames, i => pages[i].Cold);
        foreach (var patched in plan)
        {
            var (vm, page, _) = pages[patched.Frame];
            var (referenceVm, referencePage, _) = pages[patched.Reference];
            _vms[vm].PatchOut(page, patched.Patch.Length, (referenceVm, referencePage));
        }

        _patchCpu += (frames.Count * _scenario.Host.Costs.SimilarityHash) + (plan.Count * _scenario.Host.Costs.PatchEncode);
    }

    /// <summary>Accounts the time since the last point to the state, and brings the views up to date.</summary>
    private void Observe(long now)
    {
        _accessesInState[(int)_host.State] += now - _stateSince;
        _stateSince = now;
        _host.Now = now;
        foreach (var vm in _vms)
        {
            vm.Refresh();
        }

        _host.FreeFrames = _memory.Allocator.FreeFrames;
        _minFree = Math.Min(_minFree, _host.FreeFrames);
    }

    /// <summary>Records the host and its VMs now.</summary>
    private void Sample(long now)
    {
        _host.FreeFrames = _memory.Allocator.FreeFrames;
        _minFree = Math.Min(_minFree, _host.FreeFrames);
        _samples.Add(new HostSample(now - _start, _host.FreeFrames, _host.State,
            [.. _views.Select(v => new VmSample(v.GrantedPages, v.ActivePages, v.BalloonPages, v.SwappedPages,
                v.GuestSwappedPages))]));
    }

    /// <summary>VMM swapping: the victim selector splits <paramref name="shortfall"/> among the candidates.</summary>
    private void SwapOut(long shortfall)
    {
        // In the soft state only VMs that cannot be ballooned are swapped; without a balloon strategy, none can be.
        var candidates = _host.State == PressureState.Soft && _balloon is not null
            ? _vms.Where(v => !v.View.HasBalloon).ToArray()
            : _vms;
        if (candidates.Length == 0)
        {
            return;
        }

        var views = candidates.Select(v => v.View).ToArray();
        var reclaim = new long[candidates.Length];
        _selector.Apportion(_host, views, shortfall, reclaim);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (reclaim[i] < 0 || reclaim[i] > views[i].ReclaimablePages)
            {
                throw new InvalidOperationException($"victim selector '{_scenario.Host.VictimSelector.Label}' asked "
                    + $"{reclaim[i]} pages of VM {views[i].Name}; expected 0..{views[i].ReclaimablePages}");
            }

            candidates[i].Reclaim(reclaim[i]);
        }
    }

    private HostRunResult Result(long accesses, IReadOnlyList<KeyValuePair<string, string>> policyNames) => new()
    {
        Scenario = _scenario.Name,
        Policies = policyNames,
        Accesses = accesses,
        Slowdown = _scenario.Host.Costs.Slowdown(accesses, _vms.Sum(v => v.Counters.StallMicroseconds)),
        HostFrames = _host.TotalFrames,
        HypervisorFrames = _host.HypervisorFrames,
        MinFreeFrames = _minFree,
        Rebalances = _rebalances,
        BackingStores = _storesBefore is null
            ? _memory.Backing.Counters
            : [.. _memory.Backing.Counters.Zip(_storesBefore, (now, before) => now.Since(before))],
        PeakStoreShortfall = _memory.PeakStoreShortfall,
        StoreShortfall = _memory.StoreShortfall,
        OutOfMemoryNotifications = _notifications,
        AccessesInState = _accessesInState,
        Patching = PatchingResult(),
        Sharing = _content.Result(_scenario.Host.Sharing.Scanner?.Label ?? "none", _scenario.Host.Costs.ScanPage),
        Samples = _samples,
        Vms = [.. _vms.Select((vm, i) => VmResultOf(vm, i))],
    };

    private PatchingResult PatchingResult()
    {
        var patched = _vms.Sum(v => v.PatchedPages());
        return new PatchingResult
        {
            Enabled = _planner is not null,
            PatchedPages = patched,
            PatchBytes = _memory.PatchBytes,
            FramesSaved = patched - _memory.PatchFrames,
            PatchesMade = _vms.Sum(v => v.Counters.PatchesMade),
            PatchFaults = _vms.Sum(v => v.Counters.PatchFaults),
            CpuMicroseconds = _patchCpu,
            ReferencesLost = _content.ReferencesLost - _referencesLostBefore,
        };
    }

    private VmResult VmResultOf(VmReplay<TGuest, TVmm> vm, int index)
    {
        var c = vm.Counters;
        var v = vm.View;
        return new VmResult
        {
            Name = v.Name,
            Accesses = _form.VmAccesses[index],
            IoAccesses = _form.IoAccesses[index],
            Touched = v.TouchedPages,
            Memory = v.MemoryPages,
            Granted = v.GrantedPages,
            PeakGranted = c.PeakGranted,
            Active = v.ActivePages,
            Ballooned = v.BalloonPages,
            BalloonTarget = v.BalloonTargetPages,
            Swapped = v.SwappedPages,
            GuestSwapped = v.GuestSwappedPages,
            Faults = c.Faults,
            FirstTouches = c.FirstTouches,
            GuestFaults = c.GuestFaults,
            SwapIns = c.SwapIns,
            SwapOuts = c.SwapOuts,
            WriteBacks = c.WriteBacks,
            GuestSwapIns = c.GuestSwapIns,
            GuestSwapOuts = c.GuestSwapOuts,
            GuestWriteBacks = c.GuestWriteBacks,
            GuestFreed = c.GuestFreed,
            DoublePaging = c.DoublePaging,
            BalloonInflated = c.BalloonInflated,
            BalloonDeflated = c.BalloonDeflated,
            HotPlugged = c.HotPlugged,
            LocalReplacements = c.LocalReplacements,
            StallMicroseconds = c.StallMicroseconds,
            Slowdown = _scenario.Host.Costs.Slowdown(_form.VmAccesses[index], c.StallMicroseconds),
            Shared = vm.PagesOnSharedFrames(),
            Zero = _content.ZeroPagesOf(index),
            CopyOnWrites = c.CopyOnWrites,
            SharedReleases = c.SharedReleases,
            Patched = vm.PatchedPages(),
            PatchFaults = c.PatchFaults,
        };
    }
}
