using MemFw.Framework.Host;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

public sealed class MaxOverWssSelectorTests : VictimSelectorContractTests
{
    private protected override IVictimSelector Create() => new MaxOverWssSelector();

    [Theory]
    [InlineData(300, 100, 200, 0)]
    [InlineData(1_300, 600, 500, 200)]
    public void Apportion_ThreeVms_LevelsLargestExcessesOverWorkingSetDown(long need, long a, long b, long c)
    {
        // Excess granted - max(active, guarantee) and reclaimable granted - guarantee:
        //   A 1000 - max(600, 200) = 400, reclaimable 800;  B 800 - max(100, 300) = 500, reclaimable 500;
        //   C 500 - max(500, 0) = 0, reclaimable 500.
        // 300: B alone from 500 to A's 400 (100 pages), then A and B together 100 each: A 100, B 200 (both at 300).
        // 1300: A and B down to excess 0 (400 + 500 = 900 pages); B is then at its guarantee (500 given). The other
        //       400 come from inside the working sets of A and C, both at excess 0: 200 each, alternating A first.
        //       A 400 + 200 = 600, B 500, C 200.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 1000, guarantee: 200, active: 600),
            HostViews.Vm(1, granted: 800, guarantee: 300, active: 100),
            HostViews.Vm(2, granted: 500, active: 500),
        };
        var reclaim = new long[3];

        Create().Apportion(HostViews.Host(), vms, need, reclaim);

        Assert.Equal([a, b, c], reclaim);
    }

    [Fact]
    public void Apportion_RandomVms_EqualsPageByPageGreedy() =>
        AssertEqualsNaiveGreedy(Create(), 13,
            (vm, taken) => -(vm.GrantedPages - Math.Max(vm.ActivePages, vm.GuaranteePages) - taken));
}
