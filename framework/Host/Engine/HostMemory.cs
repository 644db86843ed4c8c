using MemFw.Framework.Content.Backing;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// The host's machine frames as the VMs of a run share them: the frame allocator, the free level below which the
/// host is out of memory and rebalances at once, the backing stores the VMM swaps to, and the costs every VM's events
/// are charged at.
/// </summary>
internal sealed class HostMemory
{
    /// <summary>
    /// Creates the host memory of <paramref name="config"/> for <paramref name="vmCount"/> VMs, with the backing stores
    /// <paramref name="stores"/> creates (one per spec of <see cref="HostConfig.BackingStores"/>, each with a seed
    /// derived from the run's <paramref name="seed"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The stores do not make a chain (<see cref="BackingChain"/>).</exception>
    public HostMemory(HostConfig config, int vmCount, IReadOnlyList<Func<HostPluginContext, IBackingStore>> stores,
        int seed)
    {
        Allocator = new MachineFrameAllocator(config.RamPages, vmCount);
        Costs = config.Costs;
        OutOfMemoryFrames = (long)Math.Floor(config.Pressure.Low * config.RamPages);
        if (stores.Count != config.BackingStores.Count)
        {
            throw new ArgumentException(
                $"expected {config.BackingStores.Count} backing stores, found {stores.Count}", nameof(stores));
        }

        Backing = new BackingChain([.. config.BackingStores.Select((spec, i) => (spec.Label, stores[i](
            new HostPluginContext(ReplaySession.DeriveSeed(seed, $"backing-store/{i}/{spec.Label}"),
                config.RebalancePeriod))))]);
    }

    /// <summary>The machine frames.</summary>
    public MachineFrameAllocator Allocator { get; }

    /// <summary>The cost model.</summary>
    public CostModel Costs { get; }

    /// <summary>The backing stores the VMM swaps to, whose own costs a VMM swap-out and swap-in are charged.</summary>
    public BackingChain Backing { get; }

    /// <summary>
    /// Free frames at or below which an allocation raises the host's out-of-memory notification: the low state's
    /// level, or no free frame at all for presets without one.
    /// </summary>
    public long OutOfMemoryFrames { get; }

    /// <summary>The host time of the next engine event (rebalance, sample); an out-of-memory notification brings it forward.</summary>
    public long NextEvent;

    /// <summary>Whether an out-of-memory notification is pending.</summary>
    public bool OutOfMemory;

    /// <summary>The host frames the RAM-backed stores hold now, most recently taken last.</summary>
    private readonly Stack<int> _storeFrames = new();

    /// <summary>
    /// Bytes of the patches of pages stored as patches (Difference Engine), packed densely into host frames with the
    /// stores' [U].
    /// </summary>
    public long PatchBytes;

    /// <summary>The host frames the patches fill, packed densely.</summary>
    public long PatchFrames => (PatchBytes + TraceFormat.PageSize - 1) / TraceFormat.PageSize;

    /// <summary>The host frames the RAM-backed stores and the patches use.</summary>
    public long StoreFramesUsed => Backing.MachineFrames + PatchFrames;

    /// <summary>
    /// Store frames the stores use but the host could not give them (it had no free frame); taken as soon as frames
    /// are free again. Its peak over the run is <see cref="PeakStoreShortfall"/>.
    /// </summary>
    public long StoreShortfall => StoreFramesUsed - _storeFrames.Count;

    /// <summary>The largest <see cref="StoreShortfall"/> seen.</summary>
    public long PeakStoreShortfall { get; private set; }

    /// <summary>
    /// Takes host frames for the RAM-backed backing stores (compressed RAM, transcendent memory) and the patches, or
    /// gives them back, so that they hold the frames they use: called after every store or patch operation.
    /// </summary>
    public void SyncStoreFrames()
    {
        var used = StoreFramesUsed;
        while (_storeFrames.Count > used)
        {
            Allocator.Release(_storeFrames.Pop(), MachineFrameAllocator.Stores);
        }

        while (_storeFrames.Count < used && Allocate(MachineFrameAllocator.Stores) is var frame and >= 0)
        {
            _storeFrames.Push(frame);
        }

        PeakStoreShortfall = Math.Max(PeakStoreShortfall, used - _storeFrames.Count);
    }

    /// <summary>
    /// Takes a frame for <paramref name="owner"/> (a VM or the stores), raising the notification when free memory
    /// runs out.
    /// </summary>
    /// <returns>The frame, or -1 when the host has none.</returns>
    public int Allocate(int owner)
    {
        var frame = Allocator.TryAllocate(owner);
        if (Allocator.FreeFrames <= OutOfMemoryFrames && !OutOfMemory)
        {
            OutOfMemory = true;
            NextEvent = 0;
        }

        return frame;
    }
}
