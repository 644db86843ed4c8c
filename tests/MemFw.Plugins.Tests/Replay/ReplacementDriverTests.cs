using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;
using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replay;

/// <summary>
/// The engine's side of removals: <see cref="ReplacementDriver{TPolicy}"/> over a small frame table, with FIFO or a
/// policy that names a fixed victim. Dense page ids are used as given.
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

    /// <summary>FIFO over <paramref name="frameCount"/> frames holding pages 0, 1, ... (0 written if asked).</summary>
    private static (ReplacementDriver<InterfaceDispatch> Driver, FrameTable Frames) FullFifo(int frameCount,
        bool firstWrite = false)
    {
        var frames = new FrameTable(frameCount);
        var context = new ReplacementContext(frames, pageCount: 4, tickPeriod: 100, seed: 1, nextUse: null);
        var driver = new ReplacementDriver<InterfaceDispatch>(new InterfaceDispatch(new FifoPolicy(context)), "fifo",
            frames, pageCount: 4);
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
