using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class LfuPolicyTests
{
    [Fact]
    public void Replay_TieInLowestFrequency_LeastRecentGoes()
    {
        // Buckets {frequency: pages, least recent first}:
        // 1 2 3 F {1: 1 2 3}  1 hit {1: 2 3, 2: 1}  4 F ev2 {1: 3 4}  2 F ev3 {1: 4 2}  5 F ev4 {1: 2 5}
        // 1 hit {1: 2 5, 3: 1}                                                    -> 6 faults (LRU evicts 1 at 5: 7)
        var counters = Replays.Run(c => new LfuPolicy(c), "1 2 3 1 4 2 5 1", frames: 3);

        Assert.Equal(6, counters.Faults);
        Assert.Equal(7, Replays.Run(c => new LruPolicy(c), "1 2 3 1 4 2 5 1", frames: 3).Faults);
    }

    [Fact]
    public void Replay_FrequentOldPages_NewPagesEvictEachOther()
    {
        // {3: 1, 2: 2, 1: 3} after 1 1 1 2 2 3; then 4 F ev3 {1: 4}  3 F ev4  4 F ev3                -> 6 faults
        var counters = Replays.Run(c => new LfuPolicy(c), "1 1 1 2 2 3 4 3 4", frames: 3);

        Assert.Equal(6, counters.Faults);
    }
}
