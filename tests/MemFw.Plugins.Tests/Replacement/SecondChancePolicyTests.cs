using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class SecondChancePolicyTests
{
    [Fact]
    public void Replay_ReferencedOldestPage_GetsSecondChance()
    {
        // Queue oldest first, ¹ = Accessed bit set (every access sets it, the load included; no tick clears it):
        // 1 F [1¹]  2 F [1¹ 2¹]  3 F [1¹ 2¹ 3¹]
        // 4 F: 1¹ → tail [2¹ 3¹ 1], 2¹ → tail [3¹ 1 2], 3¹ → tail [1 2 3], 1 has no bit: ev1 [2 3 4¹]
        // 2 hit [2¹ 3 4¹]
        // 5 F: 2¹ → tail [3 4¹ 2], 3 has no bit: ev3 [4¹ 2 5¹]   (FIFO would evict 2)
        // 2 hit                                                                  -> 5 faults, FIFO has 6
        var counters = Replays.Run(c => new SecondChancePolicy(c), "1 2 3 4 2 5 2", frames: 3);

        Assert.Equal(5, counters.Faults);
        Assert.Equal(6, Replays.Run(c => new FifoPolicy(c), "1 2 3 4 2 5 2", frames: 3).Faults);
    }

    [Fact]
    public void Replay_ClassicStringThreeFrames_FourteenFaults()
    {
        // 7 F [7¹]  0 F [7¹ 0¹]  1 F [7¹ 0¹ 1¹]  2 F: all bits cleared in one pass, ev7 [0 1 2¹]  0 hit [0¹ 1 2¹]
        // 3 F: 0¹ → tail, ev1 [2¹ 0 3¹]  0 hit [2¹ 0¹ 3¹]  4 F: one pass, ev2 [0 3 4¹]  2 F ev0 [3 4¹ 2¹]
        // 3 hit [3¹ 4¹ 2¹]  0 F: one pass, ev3 [4 2 0¹]  3 F ev4 [2 0¹ 3¹]  2 hit [2¹ 0¹ 3¹]
        // 1 F: one pass, ev2 [0 3 1¹]  2 F ev0 [3 1¹ 2¹]  0 F ev3 [1¹ 2¹ 0¹]  1 hit
        // 7 F: one pass, ev1 [2 0 7¹]  0 hit [2 0¹ 7¹]  1 F ev2 [0¹ 7¹ 1¹]                          -> 14 faults
        var counters = Replays.Run(c => new SecondChancePolicy(c), "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1",
            frames: 3);

        Assert.Equal(14, counters.Faults);
    }
}
