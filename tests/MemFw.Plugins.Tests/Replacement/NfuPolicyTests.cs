using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class NfuPolicyTests
{
    [Fact]
    public void Replay_TickEveryAccess_KeepsFrequentPage()
    {
        // A tick after every access adds each Accessed bit to its page's counter {page:counter}:
        // 1 F {1:1}  2 F {1:1 2:1}  3 F {.. 3:1}  1 hit {1:2 2:1 3:1}
        // 4 F: lowest 1, tie 2/3 → 2 loaded first, ev2 {1:2 3:1 4:1}  1 hit                          -> 4 faults
        var counters = Replays.Run(c => new NfuPolicy(c), "1 2 3 1 4 1", frames: 3, tickPeriod: 1);

        Assert.Equal(4, counters.Faults);
    }

    [Fact]
    public void Replay_NoTick_EvictsInLoadOrder()
    {
        // Without a tick every counter stays 0 and ties go to the earliest loaded, i.e. FIFO:
        // 1 2 3 F  1 hit  4 F ev1 [2 3 4]  1 F ev2 [3 4 1]                                             -> 5 faults
        var counters = Replays.Run(c => new NfuPolicy(c), "1 2 3 1 4 1", frames: 3);

        Assert.Equal(5, counters.Faults);
    }

    [Fact]
    public void Replay_OldFrequentPage_OutlivesRecentOnes()
    {
        // Counts never fade: 1 1 1 → {1:3}  2 F {2:1}  3 F {3:1}  2 hit {2:2}  4 F: lowest 3, ev3  1 hit
        //                                                          -> 4 faults (Aging evicts 1 here and has 5)
        var counters = Replays.Run(c => new NfuPolicy(c), "1 1 1 2 3 2 4 1", frames: 3, tickPeriod: 1);

        Assert.Equal(4, counters.Faults);
    }
}
