using MemFw.Framework.Host.Scenarios;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// The host's machine frames as the VMs of a run share them: the frame allocator, the free level below which the
/// host is out of memory and rebalances at once, and the costs every VM's events are charged at.
/// </summary>
internal sealed class HostMemory
{
    /// <summary>Creates the host memory of <paramref name="config"/> for <paramref name="vmCount"/> VMs.</summary>
    public HostMemory(HostConfig config, int vmCount)
    {
        Allocator = new MachineFrameAllocator(config.RamPages, vmCount);
        Costs = config.Costs;
        VmmSwapInCost = config.Costs.VmmSwapIn(config.BackingStore);
        OutOfMemoryFrames = (long)Math.Floor(config.Pressure.Low * config.RamPages);
    }

    /// <summary>The machine frames.</summary>
    public MachineFrameAllocator Allocator { get; }

    /// <summary>The cost model.</summary>
    public CostModel Costs { get; }

    /// <summary>The cost of one VMM swap-in from the backing store in force.</summary>
    public double VmmSwapInCost { get; }

    /// <summary>
    /// Free frames at or below which an allocation raises the host's out-of-memory notification: the low state's
    /// level, or no free frame at all for presets without one.
    /// </summary>
    public long OutOfMemoryFrames { get; }

    /// <summary>The host time of the next engine event (rebalance, sample); an out-of-memory notification brings it forward.</summary>
    public long NextEvent;

    /// <summary>Whether an out-of-memory notification is pending.</summary>
    public bool OutOfMemory;

    /// <summary>Takes a frame for <paramref name="vm"/>, raising the notification when free memory runs out.</summary>
    /// <returns>The frame, or -1 when the host has none.</returns>
    public int Allocate(int vm)
    {
        var frame = Allocator.TryAllocate(vm);
        if (Allocator.FreeFrames <= OutOfMemoryFrames && !OutOfMemory)
        {
            OutOfMemory = true;
            NextEvent = 0;
        }

        return frame;
    }
}
