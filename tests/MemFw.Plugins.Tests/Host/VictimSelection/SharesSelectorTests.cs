using MemFw.Framework.Host;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

public sealed class SharesSelectorTests : VictimSelectorContractTests
{
    private protected override IVictimSelector Create() => new SharesSelector();

    [Theory]
    [InlineData(300, 200, 100, 0)]
    [InlineData(1_000, 600, 400, 0)]
    [InlineData(1_500, 675, 638, 187)]
    public void Apportion_ThreeVms_IdlePerShareFirstThenWorkingSetPerShare(long need, long a, long b, long c)
    {
        // idle = granted - max(active, guarantee); busy = reclaimable - idle; weights per share.
        //   A: granted 1000, G 200, WSS 400, S 1000: idle 600, busy 200.
        //   B: the same with S 2000:                  idle 600, busy 200.
        //   C: granted 600, G 100, WSS 600, S 1000:   idle 0,   busy 500.
        // Stage 1 weights idle / S: A 0.6, B 0.3, C 0.
        // 300: A 300 * 0.6 / 0.9 = 200, B 300 * 0.3 / 0.9 = 100.
        // 1000: A's part 666.7 passes its 600 idle pages: A 600; the other 400 go to B (400 <= 600).
        // 1500: stage 1 gives all 1200 idle pages (A 600, B 600); stage 2 splits 300 by busy / S:
        //   A 0.2, B 0.1, C 0.5 (sum 0.8): A 75, B 37.5, C 187.5 -> whole 75 + 37 + 187 = 299; the last page goes to
        //   the largest remainder, a tie of B and C at 0.5, so to B: A 675, B 638, C 187.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 1000, guarantee: 200, active: 400, shares: 1000),
            HostViews.Vm(1, granted: 1000, guarantee: 200, active: 400, shares: 2000),
            HostViews.Vm(2, granted: 600, guarantee: 100, active: 600, shares: 1000),
        };
        var reclaim = new long[3];

        Create().Apportion(HostViews.Host(), vms, need, reclaim);

        Assert.Equal([a, b, c], reclaim);
    }

    [Fact]
    public void Apportion_WorkingSetAboveGranted_WholeReclaimableCountsAsBusy()
    {
        // A: granted 500, G 100, WSS 900 (more than it holds): idle 0, busy 400. B: granted 300, G 0, WSS 0: idle 300.
        // Need 350: stage 1 takes B's 300 idle pages; stage 2 takes the other 50 from A, the only busy one.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 500, guarantee: 100, active: 900),
            HostViews.Vm(1, granted: 300),
        };
        var reclaim = new long[2];

        Create().Apportion(HostViews.Host(), vms, 350, reclaim);

        Assert.Equal([50L, 300], reclaim);
    }
}
