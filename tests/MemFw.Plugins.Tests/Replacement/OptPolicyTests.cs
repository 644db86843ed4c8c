using MemFw.Framework.Replay;
using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

public sealed class OptPolicyTests
{
    [Fact]
    public void Replay_ClassicStringThreeFrames_NineFaults()
    {
        // At a fault, the resident page whose next use is farthest goes (position of next use in brackets):
        // 7 F  0 F  1 F  2 F {7@17 0@4 1@13} ev7  0 hit  3 F {2@8 0@6 1@13} ev1  0 hit
        // 4 F {2@8 0@10 3@9} ev0  2 hit  3 hit  0 F {2@12 4@never 3@11} ev4  3 hit  2 hit
        // 1 F {2@14 0@15 3@never} ev3  2 hit  0 hit  1 hit  7 F {2@never 0@18 1@19} ev2  0 hit  1 hit -> 9 faults
        var counters = Replays.Run(c => new OptPolicy(c), "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1", frames: 3);

        Assert.Equal(9, counters.Faults);
    }

    [Theory]
    [InlineData(3, 7)]
    [InlineData(4, 6)]
    public void Replay_BeladyString_FewestFaults(int frames, int faults)
    {
        // 3 frames: 1 2 3 F  4 F {1@4 2@5 3@9} ev3  1 hit  2 hit  5 F {1@7 2@8 4@10} ev4  1 hit  2 hit
        //           3 F {1 never, 2 never, 5@11} ev1 or 2  4 F ev the other  5 hit                  -> 7 faults
        // 4 frames: 1 2 3 4 F  1 hit  2 hit  5 F {1@7 2@8 3@9 4@10} ev4  1 2 3 hit  4 F ev 1, 2 or 3  5 hit
        //                                                                                         -> 6 faults
        var counters = Replays.Run(c => new OptPolicy(c), "1 2 3 4 1 2 5 1 2 3 4 5", frames);

        Assert.Equal(faults, counters.Faults);
    }

    [Fact]
    public void Create_OnlineContext_Throws()
    {
        using var form = ReplayForm.FromPages([1, 2, 3]);
        using var session = ReplaySession.Start("opt", form, new ReplaySettings { Frames = 2 }, offline: false);

        Assert.Throws<ArgumentException>(() => new OptPolicy(session.Context));
    }

    public static TheoryData<string, int, int> OnlinePolicies()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var policy in PolicyCatalog.All.Where(p => !p.Offline))
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                foreach (var frames in new[] { 1, 3, 8, 20 })
                {
                    data.Add(policy.Name, seed, frames);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OnlinePolicies))]
    public void Replay_RandomStrings_NoMoreFaultsThanAnyPolicy(string name, int seed, int frames)
    {
        // Belady's theorem: no demand-paging policy, whatever it knows, faults less than OPT.
        var (uniformPages, uniformWrites) = Reference.Uniform(seed, length: 3_000, distinct: 40);
        var (localPages, localWrites) = Reference.Locality(seed, length: 3_000, distinct: 120);
        var opt = PolicyCatalog.Named("opt");
        var other = PolicyCatalog.Named(name);

        Assert.True(Replays.Run(opt, uniformPages, uniformWrites, frames, tickPeriod: 50).Faults
            <= Replays.Run(other, uniformPages, uniformWrites, frames, tickPeriod: 50).Faults);
        Assert.True(Replays.Run(opt, localPages, localWrites, frames, tickPeriod: 50).Faults
            <= Replays.Run(other, localPages, localWrites, frames, tickPeriod: 50).Faults);
    }
}
