using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class LruPolicyTests
{
    [Fact]
    public void Replay_ClassicStringThreeFrames_TwelveFaults()
    {
        // Recency order, least recent first:
        // 7 F [7]  0 F [7 0]  1 F [7 0 1]  2 F ev7 [0 1 2]  0 hit [1 2 0]  3 F ev1 [2 0 3]  0 hit [2 3 0]
        // 4 F ev2 [3 0 4]  2 F ev3 [0 4 2]  3 F ev0 [4 2 3]  0 F ev4 [2 3 0]  3 hit [2 0 3]  2 hit [0 3 2]
        // 1 F ev0 [3 2 1]  2 hit [3 1 2]  0 F ev3 [1 2 0]  1 hit [2 0 1]  7 F ev2 [0 1 7]  0 hit  1 hit -> 12 faults
        var counters = Replays.Run(c => new LruPolicy(c), "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1", frames: 3);

        Assert.Equal(12, counters.Faults);
        Assert.Equal(8, counters.Hits);
    }

    [Theory]
    [InlineData(3, 10)]
    [InlineData(4, 8)]
    public void Replay_BeladyString_NoAnomaly(int frames, int faults)
    {
        // LRU is a stack algorithm: more frames never cost faults.
        // 3 frames: 1 2 3 F  4 F ev1 [2 3 4]  1 F ev2  2 F ev3  5 F ev4 [1 2 5]  1 hit  2 hit  3 F ev5 [1 2 3]
        //           4 F ev1  5 F ev2                                                             -> 10 faults
        // 4 frames: 1 2 3 4 F  1 hit  2 hit [3 4 1 2]  5 F ev3  1 hit  2 hit [4 5 1 2]  3 F ev4  4 F ev5
        //           5 F ev1                                                                      -> 8 faults
        var counters = Replays.Run(c => new LruPolicy(c), "1 2 3 4 1 2 5 1 2 3 4 5", frames);

        Assert.Equal(faults, counters.Faults);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(64)]
    [InlineData(100)]
    public void Replay_LocalityString_FaultsEqualStackDistanceCount(int frames)
    {
        var (pages, writes) = Reference.Locality(seed: 7, length: 20_000, distinct: 300);

        var counters = Replays.Run(PolicyCatalog.Named("lru"), pages, writes, frames);

        Assert.Equal(StackDistanceFaults(pages, frames), counters.Faults);
    }

    /// <summary>
    /// Faults of LRU by Mattson's stack algorithm: an access faults unless its page is among the
    /// <paramref name="frames"/> most recently used, i.e. its stack distance is at most the frame count. O(n·d).
    /// </summary>
    private static long StackDistanceFaults(int[] pages, int frames)
    {
        var stack = new List<int>();
        long faults = 0;
        foreach (var page in pages)
        {
            var depth = stack.IndexOf(page);
            if (depth < 0 || depth >= frames)
            {
                faults++;
            }

            if (depth >= 0)
            {
                stack.RemoveAt(depth);
            }

            stack.Insert(0, page);
        }

        return faults;
    }

    [Fact]
    public void Shrink_ReclaimsBetweenFaults_RemoveLeastRecent()
    {
        // Frames f0 f1 f2, recency least recent first, -k = the VMM reclaims k frames, F = fault:
        // 1 F f0 [1]  2 F f1 [1 2]  3 F f2 [1 2 3]  1 hit [2 3 1]
        // -1: the least recent, 2, is removed; f1 empty [3 1]
        // 4 F: empty f1 takes it, no victim [3 1 4]
        // 2 F: full, ev3 (least recent) → f2 [1 4 2]
        // -2: 1 (f0) then 4 (f1) removed [2]; the empty frames refill last removed first
        // 5 F → f1 [2 5]  3 F → f0 [2 5 3]  1 F: full, ev2 → f2 [5 3 1]
        // 9 accesses: 1 hit, 8 faults (5 first touches), 2 evictions at faults + 3 removals
        var result = Shrinking.Run(c => new LruPolicy(c), "1 2 3 1 -1 4 2 -2 5 3 1", frames: 3);

        Assert.Equal("hits 1, faults 8 (5 first), evictions 5, write-backs 0; removed 2 1 4; evicted 3 2; frames 3 5 1",
            result.Summary);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Host_RandomCapacityReclaimsAndRemovals_AgreesWithListModel(int seed)
    {
        // Hits, victims (at faults and reclaims), dirty bits and residency step by step, against an LRU over a List.
        QueueModel.AssertAgrees(c => new LruPolicy(c), recencyOnHit: true, seed, steps: 4_000);
    }
}
