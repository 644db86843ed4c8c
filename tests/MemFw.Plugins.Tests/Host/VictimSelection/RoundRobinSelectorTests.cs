using MemFw.Framework.Host;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

public sealed class RoundRobinSelectorTests : VictimSelectorContractTests
{
    private protected override IVictimSelector Create() => new RoundRobinSelector();

    [Fact]
    public void Apportion_SuccessiveCalls_VmsTakeTurns()
    {
        // Reclaimable: A 100, B 0, C 50.
        // Call 1, need 30: A's turn, A gives 30; the turn passes to B.
        // Call 2, need 30: B gives 0, C gives 30; the turn passes to A.
        // Call 3, need 200: A 100, B 0, C 50 (150, all there is); every VM was asked, the turn stays with A.
        // Call 4, need 120: A 100, B 0, C 20; the turn passes to A (after C).
        // Call 5, need 10: A 10.
        var vms = new[] { HostViews.Vm(0, granted: 100), HostViews.Vm(1, granted: 0), HostViews.Vm(2, granted: 50) };
        var selector = Create();
        long[] Call(long need)
        {
            var reclaim = new long[3];
            selector.Apportion(HostViews.Host(), vms, need, reclaim);
            return reclaim;
        }

        Assert.Equal([30L, 0, 0], Call(30));
        Assert.Equal([0L, 0, 30], Call(30));
        Assert.Equal([100L, 0, 50], Call(200));
        Assert.Equal([100L, 0, 20], Call(120));
        Assert.Equal([10L, 0, 0], Call(10));
    }
}
