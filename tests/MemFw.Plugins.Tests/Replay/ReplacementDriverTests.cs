using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;
using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replay;

/// <summary>
/// The engine's side of capacities, reclaims and removals: <see cref="ReplacementDriver{TPolicy}"/> over a small frame
/// table, with FIFO or a policy that names a fixed victim. Dense page ids are used as given.
/// </summary>
public sealed class ReplacementDriverTests
{
    [Fact]
    public void Reclaim_DirtyPage_WritesBackAndEmptiesFrame()
    {
        // FIFO over f0 f1: 0w → f0 (dirty), 1 → f1; reclaiming one frame removes 0, the oldest, from f0.
        var (driver, frames) = FullFifo(frameCount: 2, firstWrite: true);

        driver.Reclaim(1);

        Assert.Equal(1, driver.Resident);
        Assert.Equal(1, driver.Reclaimed);
        Assert.Equal(FrameTable.NoPage, frames.PageOf(0));
        Assert.False(frames.IsAccessed(0));
        Assert.False(frames.IsDirty(0));
        Assert.Equal(
            new ReplayCounters { Accesses = 2, Faults = 2, FirstTouchFaults = 2, Evictions = 1, WriteBacks = 1 },
            driver.Counters);
    }

    [Fact]
    public void Access_RemovedPage_FaultsAgainIntoEmptyFrame()
    {
        // 0 → f0, 1 → f1; reclaim 2: 0 then 1 removed; 1 comes back into f1 (removed last), 0 into f0.
        var (driver, frames) = FullFifo(frameCount: 2);
        driver.Reclaim(2);

        driver.Access(1, write: false);
        driver.Access(0, write: true);
        driver.Access(1, write: false);

        Assert.Equal(1, frames.PageOf(1));
        Assert.Equal(0, frames.PageOf(0));
        Assert.True(frames.IsDirty(0));
        Assert.Equal(new ReplayCounters { Accesses = 5, Hits = 1, Faults = 4, FirstTouchFaults = 2, Evictions = 2 },
            driver.Counters);
    }

    [Fact]
    public void Access_WithEmptyFrame_DoesNotAskForVictim()
    {
        // The policy always names f0; after reclaiming f0 of a full table, the next fault must fill f0 without
        // asking, and the one after (table full again) asks and evicts f0's page.
        var policy = new FixedVictim(0);
        var frames = new FrameTable(2);
        var driver = new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(policy), "fixed", frames, 4);
        driver.Access(0, write: false);
        driver.Access(1, write: false);
        driver.Reclaim(1);

        driver.Access(2, write: false);
        Assert.Equal([FrameTable.NoPage], policy.Asked);
        driver.Access(3, write: false);

        Assert.Equal([FrameTable.NoPage, 3], policy.Asked);
        Assert.Equal([0], policy.Removed);
        Assert.Equal(3, frames.PageOf(0));
        Assert.Equal(2, driver.Counters.Evictions);
    }

    [Fact]
    public void Reclaim_PolicyNamesEmptyFrame_Throws()
    {
        var frames = new FrameTable(2);
        var driver = new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(new FixedVictim(1)), "fixed",
            frames, 1);
        driver.Access(0, write: false);

        var exception = Assert.Throws<InvalidOperationException>(() => driver.Reclaim(1));

        Assert.Equal("replacement policy 'fixed' chose frame 1 as victim; expected an occupied frame 0..1",
            exception.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Reclaim_NegativeOrMoreThanResident_Throws(int count)
    {
        var (driver, _) = FullFifo(frameCount: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => driver.Reclaim(count));
        Assert.Equal(2, driver.Resident);
    }

    [Fact]
    public void Constructor_OccupiedFrame_Throws()
    {
        var (_, frames) = FullFifo(frameCount: 1);

        Assert.Throws<ArgumentException>(() =>
            new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(new FixedVictim(0)), "fixed", frames, 1));
    }

    [Fact]
    public void Access_AtCapacityWithEmptyFrames_EvictsVictim()
    {
        // FIFO over f0..f3 at capacity 2: 0w → f0, 1 → f1; 2 faults at capacity: FIFO's oldest, 0 (dirty), goes
        // and 2 takes f0 though f2 and f3 are empty; 3 evicts 1 (clean) from f1.
        var frames = new FrameTable(4);
        var driver = Fifo(frames, pageCount: 6);
        driver.Capacity = 2;
        Assert.False(driver.Access(0, write: true));
        Assert.False(driver.Access(1, write: false));
        Assert.Equal(FrameTable.NoPage, driver.LastEvicted);

        Assert.False(driver.Access(2, write: false));
        Assert.Equal((0, true), (driver.LastEvicted, driver.LastEvictedDirty));
        Assert.Equal([2, 1, FrameTable.NoPage, FrameTable.NoPage], Pages(frames));
        Assert.False(driver.Access(3, write: false));
        Assert.Equal((1, false), (driver.LastEvicted, driver.LastEvictedDirty));
        Assert.True(driver.Access(2, write: false));

        Assert.Equal([2, 3, FrameTable.NoPage, FrameTable.NoPage], Pages(frames));
        Assert.Equal(2, driver.Resident);
        Assert.False(driver.IsResident(0));
        Assert.Equal(
            new ReplayCounters { Accesses = 5, Hits = 1, Faults = 4, FirstTouchFaults = 4, Evictions = 2, WriteBacks = 1 },
            driver.Counters);
    }

    [Fact]
    public void Access_CapacityRaised_FillsEmptyFramesAgain()
    {
        // Capacity 1 over f0..f2: 0 → f0, 1 evicts 0 into f0; capacity 3: 2 → f1, 3 → f2 (the empty frames in
        // order), then 4 evicts FIFO's oldest, 1, from f0.
        var frames = new FrameTable(3);
        var driver = Fifo(frames, pageCount: 5);
        driver.Capacity = 1;
        driver.Access(0, write: false);
        driver.Access(1, write: false);

        driver.Capacity = 3;
        driver.Access(2, write: false);
        Assert.Equal(FrameTable.NoPage, driver.LastEvicted);
        driver.Access(3, write: false);
        Assert.Equal(FrameTable.NoPage, driver.LastEvicted);
        driver.Access(4, write: false);

        Assert.Equal(1, driver.LastEvicted);
        Assert.Equal([4, 2, 3], Pages(frames));
        Assert.Equal(3, driver.Capacity);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(4)]
    public void Capacity_NegativeBelowResidentOrAboveFrames_Throws(int capacity)
    {
        var (driver, _) = FullFifo(frameCount: 3);
        driver.ReclaimOne(out _);

        Assert.Throws<ArgumentOutOfRangeException>(() => driver.Capacity = capacity);
        Assert.Equal(3, driver.Capacity);
        driver.Capacity = 2;
        Assert.Equal(2, driver.Capacity);
    }

    [Fact]
    public void Access_CapacityZero_Throws()
    {
        var frames = new FrameTable(2);
        var driver = Fifo(frames, pageCount: 2);
        driver.Capacity = 0;

        Assert.Throws<InvalidOperationException>(() => driver.Access(0, write: false));
        Assert.Equal(0, driver.Resident);
        Assert.Equal(new ReplayCounters(), driver.Counters);
    }

    [Fact]
    public void Remove_DirtyPage_EmptiesFrameWithoutVictimOrEviction()
    {
        // 0 → f0, 1w → f1, 2 → f2; the guest frees 1: f1 empties, the policy hears OnRemove(1) and no SelectVictim;
        // 3 then faults into f1 without asking.
        var policy = new FixedVictim(0);
        var frames = new FrameTable(3);
        var driver = new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(policy), "fixed", frames, 4);
        driver.Access(0, write: false);
        driver.Access(1, write: true);
        driver.Access(2, write: false);

        Assert.True(driver.Remove(1));

        Assert.Empty(policy.Asked);
        Assert.Equal([1], policy.Removed);
        Assert.Equal((FrameTable.NoPage, false, false), (frames.PageOf(1), frames.IsAccessed(1), frames.IsDirty(1)));
        Assert.False(driver.IsResident(1));
        Assert.Equal((2, 1L, 0L), (driver.Resident, driver.Removed, driver.Reclaimed));
        Assert.Equal(new ReplayCounters { Accesses = 3, Faults = 3, FirstTouchFaults = 3 }, driver.Counters);
        driver.Access(3, write: false);
        Assert.Equal(3, frames.PageOf(1));
        Assert.Empty(policy.Asked);
    }

    [Fact]
    public void Remove_CleanPage_ReturnsFalse()
    {
        var (driver, _) = FullFifo(frameCount: 2, firstWrite: true);

        Assert.False(driver.Remove(1));
        Assert.True(driver.Remove(0));
        Assert.Equal((0, 2L), (driver.Resident, driver.Removed));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(4)]
    public void Remove_NotResident_Throws(int page)
    {
        var (driver, _) = FullFifo(frameCount: 2);

        Assert.ThrowsAny<ArgumentException>(() => driver.Remove(page));
        Assert.Equal((2, 0L), (driver.Resident, driver.Removed));
    }

    [Fact]
    public void ReclaimOne_ReturnsEvictedPageAndDirty()
    {
        // FIFO: 0w → f0, 1 → f1; reclaims take 0 (dirty), then 1 (clean).
        var (driver, _) = FullFifo(frameCount: 2, firstWrite: true);

        Assert.Equal((0, true), (driver.ReclaimOne(out var firstDirty), firstDirty));
        Assert.Equal((1, false), (driver.ReclaimOne(out var secondDirty), secondDirty));
        Assert.Equal(2, driver.Reclaimed);
        Assert.Throws<InvalidOperationException>(() => driver.ReclaimOne(out _));
    }

    [Fact]
    public void Access_ReturnsWhetherHit()
    {
        var (driver, _) = FullFifo(frameCount: 2);

        Assert.True(driver.Access(1, write: false));
        Assert.False(driver.Access(2, write: false));
        Assert.Equal(0, driver.LastEvicted);
        Assert.True(driver.IsResident(2));
        Assert.False(driver.IsResident(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => driver.IsResident(4));
    }

    /// <summary>FIFO over <paramref name="frames"/>, all empty.</summary>
    private static ReplacementDriver<InterfaceDispatch> Fifo(FrameTable frames, int pageCount)
    {
        var context = new ReplacementContext(frames, pageCount, tickPeriod: 100, seed: 1, nextUse: null);
        return new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(new FifoPolicy(context)), "fifo", frames,
            pageCount);
    }

    private static int[] Pages(FrameTable frames) => [.. Enumerable.Range(0, frames.Count).Select(frames.PageOf)];

    /// <summary>FIFO over <paramref name="frameCount"/> frames holding pages 0, 1, ... (0 written if asked).</summary>
    private static (ReplacementDriver<InterfaceDispatch> Driver, FrameTable Frames) FullFifo(int frameCount,
        bool firstWrite = false)
    {
        var frames = new FrameTable(frameCount);
        var driver = Fifo(frames, pageCount: 4);
        for (var page = 0; page < frameCount; page++)
        {
            driver.Access(page, write: firstWrite && page == 0);
        }

        return (driver, frames);
    }

    /// <summary>Always names one frame, and logs the pages it was asked for and the frames removed.</summary>
    private sealed class FixedVictim(int victim) : IReplacementPolicy
    {
        public List<int> Asked { get; } = [];

        public List<int> Removed { get; } = [];

        public void OnHit(int frame, bool write)
        {
        }

        public void OnInsert(int frame, bool write)
        {
        }

        public int SelectVictim(int page)
        {
            Asked.Add(page);
            return victim;
        }

        public void OnRemove(int frame) => Removed.Add(frame);

        public void OnTick()
        {
        }
    }
}
