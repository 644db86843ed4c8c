using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class FifoPolicyTests
{
    private const string Belady = "1 2 3 4 1 2 5 1 2 3 4 5";
    private const string Classic = "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1";

    [Fact]
    public void Replay_BeladyStringThreeFrames_NineFaults()
    {
        // Queue, oldest first (F = fault, ev = evicted):
        // 1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F ev1 [2 3 4]  1 F ev2 [3 4 1]  2 F ev3 [4 1 2]  5 F ev4 [1 2 5]
        // 1 hit  2 hit  3 F ev1 [2 5 3]  4 F ev2 [5 3 4]  5 hit                                      -> 9 faults
        var counters = Replays.Run(c => new FifoPolicy(c), Belady, frames: 3);

        Assert.Equal(9, counters.Faults);
        Assert.Equal(3, counters.Hits);
        Assert.Equal(6, counters.Evictions);
    }

    [Fact]
    public void Replay_BeladyStringFourFrames_TenFaults()
    {
        // Belady's anomaly: one frame more, one fault more.
        // 1 2 3 4 F [1 2 3 4]  1 hit  2 hit  5 F ev1 [2 3 4 5]  1 F ev2 [3 4 5 1]  2 F ev3 [4 5 1 2]
        // 3 F ev4 [5 1 2 3]  4 F ev5 [1 2 3 4]  5 F ev1 [2 3 4 5]                                    -> 10 faults
        var counters = Replays.Run(c => new FifoPolicy(c), Belady, frames: 4);

        Assert.Equal(10, counters.Faults);
    }

    [Fact]
    public void Replay_ClassicStringThreeFrames_FifteenFaults()
    {
        // 7 F [7]  0 F [7 0]  1 F [7 0 1]  2 F ev7 [0 1 2]  0 hit  3 F ev0 [1 2 3]  0 F ev1 [2 3 0]
        // 4 F ev2 [3 0 4]  2 F ev3 [0 4 2]  3 F ev0 [4 2 3]  0 F ev4 [2 3 0]  3 hit  2 hit  1 F ev2 [3 0 1]
        // 2 F ev3 [0 1 2]  0 hit  1 hit  7 F ev0 [1 2 7]  0 F ev1 [2 7 0]  1 F ev2 [7 0 1]          -> 15 faults
        var counters = Replays.Run(c => new FifoPolicy(c), Classic, frames: 3);

        Assert.Equal(15, counters.Faults);
        Assert.Equal(6, counters.FirstTouchFaults);
    }

    [Fact]
    public void Replay_DirtyVictims_CountWriteBacks()
    {
        // 1w F [1*]  2 F [1* 2]  3 F ev1* (written back) [2 3]  1w F ev2 [3 1*]  2 F ev3 [1* 2]
        // 3 F ev1* (written back) [2 3]                                         -> 6 faults, 2 write-backs
        var counters = Replays.Run(c => new FifoPolicy(c), "1w 2 3 1w 2 3", frames: 2);

        Assert.Equal(6, counters.Faults);
        Assert.Equal(4, counters.Evictions);
        Assert.Equal(2, counters.WriteBacks);
    }

    [Fact]
    public void Replay_HitsBetweenLoads_DoNotReorderQueue()
    {
        // Hits do not matter to FIFO: 1 F  2 F  1 hit  1 hit  3 F ev1 [2 3]  1 F ev2 [3 1]           -> 4 faults
        var counters = Replays.Run(c => new FifoPolicy(c), "1 2 1 1 3 1", frames: 2);

        Assert.Equal(4, counters.Faults);
    }

    [Fact]
    public void Shrink_ReclaimsBetweenFaults_RemoveOldestAndRefillEmptyFrames()
    {
        // Frames f0 f1 f2, queue oldest first, * = dirty, -k = the VMM reclaims k frames, F = fault:
        // 1w F f0 [1*]  2 F f1 [1* 2]  3 F f2 [1* 2 3]
        // -1: the oldest, 1*, is removed (written back); f0 empty [2 3]
        // 4 F: empty f0 takes it, no victim [2 3 4]  2 hit
        // 5 F: full, ev2 → f1 [3 4 5]
        // -2: 3 (f2) then 4 (f0) removed [5]; the empty frames refill last removed first
        // 6 F → f0 [5 6]  1 F → f2 [5 6 1]  7 F: full, ev5 → f1 [6 1 7]
        // 9 accesses: 1 hit, 8 faults (7 first touches), 2 evictions at faults + 3 removals, 1 write-back
        var result = Shrinking.Run(c => new FifoPolicy(c), "1w 2 3 -1 4 2 5 -2 6 1 7", frames: 3);

        Assert.Equal("hits 1, faults 8 (7 first), evictions 5, write-backs 1; removed 1 3 4; evicted 2 5; frames 6 7 1",
            result.Summary);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Host_RandomCapacityReclaimsAndRemovals_AgreesWithListModel(int seed)
    {
        // Hits, victims (at faults and reclaims), dirty bits and residency step by step, against a FIFO over a List.
        QueueModel.AssertAgrees(c => new FifoPolicy(c), recencyOnHit: false, seed, steps: 4_000);
    }
}
