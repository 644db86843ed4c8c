using MemFw.Framework.Host;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host.VictimSelection;

public sealed class MaxOverGuaranteeSelectorTests : VictimSelectorContractTests
{
    private protected override IVictimSelector Create() => new MaxOverGuaranteeSelector();

    [Theory]
    [InlineData(700, 500, 0, 200)]
    [InlineData(701, 501, 0, 200)]
    [InlineData(2_000, 800, 300, 500)]
    public void Apportion_ThreeVms_LevelsLargestExcessesDown(long need, long a, long b, long c)
    {
        // Excess granted - guarantee: A 1000-200 = 800, B 700-400 = 300, C 500-0 = 500 (reclaimable 1600).
        // 700: A alone from 800 to C's 500 (300 pages); A and C together from 500 to B's 300 (200 each): A 500, C 200.
        //      All three now at 300.
        // 701: one more page at level 300, where A, B and C tie: the lowest id, A: A 501.
        // 2000: more than the 1600 reclaimable: everything, A 800, B 300, C 500.
        var vms = new[]
        {
            HostViews.Vm(0, granted: 1000, guarantee: 200),
            HostViews.Vm(1, granted: 700, guarantee: 400),
            HostViews.Vm(2, granted: 500),
        };
        var reclaim = new long[3];

        Create().Apportion(HostViews.Host(), vms, need, reclaim);

        Assert.Equal([a, b, c], reclaim);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Apportion_RandomVms_EqualsPageByPageGreedy(int seed) =>
        AssertEqualsNaiveGreedy(Create(), seed, (vm, taken) => -(vm.GrantedPages - vm.GuaranteePages - taken));
}
