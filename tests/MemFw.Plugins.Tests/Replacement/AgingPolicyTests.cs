using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class AgingPolicyTests
{
    [Fact]
    public void Replay_TickEveryAccess_EvictsLongIdlePage()
    {
        // 8-bit counters, a tick after every access: counter = counter/2 + 128·A {page:counter}.
        // 1 {1:128}  1 hit {1:192}  1 hit {1:224}  2 F {1:112 2:128}  3 F {1:56 2:64 3:128}
        // 2 hit {1:28 2:160 3:64}  4 F: lowest 1 (28), ev1 → tick {2:80 3:32 4:128}
        // 1 F: lowest 3 (32), ev3                                    -> 5 faults (NFU keeps page 1 and has 4)
        var counters = Replays.Run(c => new AgingPolicy(new AgingOptions(), c), "1 1 1 2 3 2 4 1", frames: 3,
            tickPeriod: 1);

        Assert.Equal(5, counters.Faults);
    }

    [Fact]
    public void Replay_NoTick_EvictsInLoadOrder()
    {
        // All counters stay 0; ties go to the earliest loaded: 1 2 3 F  1 hit  4 F ev1  1 F ev2        -> 5 faults
        var counters = Replays.Run(c => new AgingPolicy(new AgingOptions(), c), "1 2 3 1 4 1", frames: 3);

        Assert.Equal(5, counters.Faults);
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(1, 5)]
    public void Replay_CounterWidth_SetsHowFarBackTicksCount(int bits, int faults)
    {
        // Tick after every access.
        // 8 bits: 1 {1:128}  2 {1:64 2:128}  3 {1:32 2:64 3:128}  1 hit {1:144 2:32 3:64}  3 hit {1:72 2:16 3:160}
        //         4 F: lowest 2, ev2  1 hit                                                           -> 4 faults
        // 1 bit:  the counter is the last tick's bit: before 4 F {1:0 2:0 3:1}, tie 1/2 → 1 loaded first, ev1
        //         1 F                                                                                  -> 5 faults
        var counters = Replays.Run(c => new AgingPolicy(new AgingOptions { Bits = bits }, c), "1 2 3 1 3 4 1",
            frames: 3, tickPeriod: 1);

        Assert.Equal(faults, counters.Faults);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Options_BitsOutOfRange_ThrowsNamingOption(int bits)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new AgingOptions { Bits = bits });

        Assert.Equal("bits", exception.ParamName);
    }
}
