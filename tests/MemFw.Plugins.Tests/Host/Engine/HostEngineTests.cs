using MemFw.Framework.Host;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;
using static MemFw.Plugins.Tests.Host.Engine.HostRuns;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// Hand-checked host runs: tiny hosts and access strings where every fault, swap and stall can be counted on paper.
/// Costs are the defaults: zero-fill 1 µs; the VMM swaps to the default disk, which writes a 4 KiB page at 50 MB/s
/// (4096 / 50 = 81.92 µs) and reads one back with a 10,000 µs seek first (10,081.92 µs). The VMM writes a page it
/// swaps out if the page is dirty or the disk does not hold it yet.
/// </summary>
public sealed class HostEngineTests
{
    [Fact]
    public void Run_NoPressure_GrantsEveryTouchedPage()
    {
        // 10 distinct pages read, then written: 10 first-touch faults, nothing reclaimed on a 100-frame host.
        var scenario = Scenario(HostOf(100), Vm("a", memory: 50));
        var accesses = Reads(0, 0, 9).Concat(Reads(0, 0, 9).Select(a => a with { Write = true })).ToArray();

        var vm = Run(scenario, accesses).Vms[0];

        Assert.Equal((20L, 10L, 10L, 10L, 10L, 0L, 0L), (vm.Accesses, vm.Touched, vm.Granted, vm.Faults,
            vm.FirstTouches, vm.SwapOuts, vm.Swapped));
        Assert.Equal(10 * ZeroFill, vm.StallMicroseconds);
    }

    [Fact]
    public void Run_VmAtItsLimit_SwapsItsOwnLeastRecentPages()
    {
        // limit 3, LRU: 0w 1 2 fill; 3 evicts 0 (dirty: a write-back); 0 comes back (a swap-in) and evicts 1, clean
        // but never written: a disk write too, though not a write-back of a dirty page.
        var scenario = Scenario(HostOf(100), Vm("a", memory: 10, limit: 3));

        var vm = Run(scenario, (0, 0, true), (0, 1, false), (0, 2, false), (0, 3, false), (0, 0, false)).Vms[0];

        Assert.Equal(5, vm.Faults);
        Assert.Equal(4, vm.FirstTouches);
        Assert.Equal(2, vm.SwapOuts);
        Assert.Equal(1, vm.WriteBacks);
        Assert.Equal(1, vm.SwapIns);
        Assert.Equal(1, vm.Swapped);
        Assert.Equal(3, vm.Granted);
        Assert.Equal(2, vm.LocalReplacements);
        Assert.Equal((4 * ZeroFill) + (2 * DiskWrite) + DiskRead, vm.StallMicroseconds, precision: 9);
        var busy = 5 * 0.0206;
        Assert.Equal((busy + vm.StallMicroseconds) / busy, vm.Slowdown, precision: 9);
    }

    [Fact]
    public void Run_HardPressure_SwapsFromTheVmAboveItsGuarantee()
    {
        // 20 frames; A and B touch 8 pages each (16 accesses), so at the rebalancing point after access 16 free is
        // 4/20 = 20% < hard 30%. Shortfall to high (50%): 10 - 4 = 6. B is at its guarantee (8), so A gives all 6:
        // its least recent pages 0..5, each written to the disk. A then reads 0, 1, 2 again: three swap-ins.
        var scenario = Scenario(HostOf(20, rebalancePeriod: 16), Vm("a", 16, guarantee: 2), Vm("b", 16, guarantee: 8));
        var accesses = Alternating(8).Concat(Reads(0, 0, 2)).ToArray();

        var result = Run(scenario, accesses);

        var (a, b) = (result.Vms[0], result.Vms[1]);
        Assert.Equal((6L, 3L, 3L, 5L), (a.SwapOuts, a.SwapIns, a.Swapped, a.Granted));
        Assert.Equal((0L, 0L, 8L), (b.SwapOuts, b.Swapped, b.Granted));
        Assert.Equal((8 * ZeroFill) + (6 * DiskWrite) + (3 * DiskRead), a.StallMicroseconds, precision: 9);
        Assert.Equal(8 * ZeroFill, b.StallMicroseconds);
        Assert.Equal(PressureState.Hard, result.Samples[0].State);
        Assert.Equal(10, result.Samples[0].FreeFrames);
        Assert.Equal(4, result.MinFreeFrames);
    }

    /// <summary>
    /// A touches 10 pages and B 6 (16 accesses) on 20 frames: free 4, shortfall 6, nothing guaranteed, no working set
    /// estimated yet (active 0). What each rule takes, derived by hand from its definition:
    /// max-over-guarantee and max-over-wss level A's excess 10 down to B's 6 (4 pages), then one each: A 5, B 1;
    /// communism cuts equally: 3 and 3; round-robin asks A first, which gives all 6; shares splits 6 in proportion
    /// to idle pages per share, 10:6, so 3.75 and 2.25, rounded by largest remainder to 4 and 2; idle-tax takes from
    /// the lowest rho = S / (4 P) (f = 0, k = 4), i.e. the largest P, levelling A to 6, then A (tie to the lowest
    /// id) and B: A 5, B 1.
    /// </summary>
    [Theory]
    [InlineData("max-over-guarantee", 5, 1)]
    [InlineData("max-over-wss", 5, 1)]
    [InlineData("communism", 3, 3)]
    [InlineData("round-robin", 6, 0)]
    [InlineData("shares", 4, 2)]
    [InlineData("idle-tax", 5, 1)]
    public void Run_HardPressure_EachVictimSelectorSplitsTheShortfall(string selector, long fromA, long fromB)
    {
        var scenario = Scenario(HostOf(20, rebalancePeriod: 16) with { VictimSelector = PolicySpec.Default(selector) },
            Vm("a", 16), Vm("b", 16));
        var accesses = Alternating(6).Concat(Reads(0, 6, 9)).ToArray();

        var result = Run(scenario, accesses);

        Assert.Equal((fromA, fromB), (result.Vms[0].SwapOuts, result.Vms[1].SwapOuts));
        Assert.Equal((10 - fromA, 6 - fromB), (result.Vms[0].Granted, result.Vms[1].Granted));
    }

    [Fact]
    public void Run_IdleTaxWithShares_ProtectsTheVmWithMoreShares()
    {
        // As above with A at 2000 shares: rho_A = 2000 / (4 P_A), rho_B = 1000 / (4 P_B), each page from the lowest
        // rho, ties to A. (P_A, P_B) = (10, 6): rho 50 vs 41.7, B gives; (10, 5): 50 = 50, A; (9, 5): 55.6 vs 50, B;
        // (9, 4): 55.6 vs 62.5, A; (8, 4): 62.5 = 62.5, A; (7, 4): 71.4 vs 62.5, B. A gives 3, B 3, where equal
        // shares made A give 5 and B 1.
        var scenario = Scenario(HostOf(20, rebalancePeriod: 16) with { VictimSelector = PolicySpec.Default("idle-tax") },
            Vm("a", 16, shares: 2000), Vm("b", 16));
        var accesses = Alternating(6).Concat(Reads(0, 6, 9)).ToArray();

        var result = Run(scenario, accesses);

        Assert.Equal((3L, 3L), (result.Vms[0].SwapOuts, result.Vms[1].SwapOuts));
    }

    [Fact]
    public void Run_FreeMemoryRunsOut_NotifiesOnceAndReclaimsAtOnce()
    {
        // 10 frames, rebalancing only every 1,000,000 accesses; low level 0, so the host is out of memory when the
        // 10th page takes the last frame. The urgent rebalancing point (hard: 0% free) takes the shortfall to the high
        // level, 5 pages, from A: its LRU pages 0..4. Pages 10 and 11 then take 2 of the 5 freed frames; the one
        // notification per period is spent, so free memory is left as it is.
        var scenario = Scenario(HostOf(10), Vm("a", 16));

        var result = Run(scenario, [.. Reads(0, 0, 11)]);

        var a = result.Vms[0];
        Assert.Equal((1L, 1L, 0L), (result.OutOfMemoryNotifications, result.Rebalances, result.MinFreeFrames));
        Assert.Equal(PressureState.Hard, result.Samples[0].State);
        Assert.Equal((5L, 7L, 5L), (a.SwapOuts, a.Granted, a.Swapped));
    }

    [Fact]
    public void Run_LowState_BlocksTheVmFromGrowing()
    {
        // 10 frames, low level 25% (2.5 frames): after 8 pages free is 2, the out-of-memory level, and the urgent
        // point finds 20% free: the low state. The shortfall to 50% free, 3 pages, comes from A (LRU: 0, 1, 2); then A,
        // above its guarantee (0), is blocked at its 5 frames: pages 8 and 9 replace its own pages 3 and 4.
        var low = new PressureThresholds { High = 0.5, Soft = 0.4, Hard = 0.3, Low = 0.25 };
        var scenario = Scenario(HostOf(10, low), Vm("a", 16));

        var result = Run(scenario, [.. Reads(0, 0, 9)]);

        var a = result.Vms[0];
        Assert.Equal(PressureState.Low, result.Samples[0].State);
        Assert.Equal((5L, 5L, 2L), (a.SwapOuts, a.Granted, a.LocalReplacements));
        Assert.Equal(5, result.Samples[^1].FreeFrames);
    }

    [Fact]
    public void Run_GuestShortOfRam_GetsHotPluggedMemory()
    {
        // 4 pages of RAM, hot-pluggable to 8 in steps of 2 pages, on a roomy host (high state). Touching 6 pages, the
        // guest swaps out its least recent 0 and 1 (their frames go back to the host). At the rebalancing point after
        // 6 accesses it had to swap, so it gets 2 more pages: reading 0 and 1 again swaps them in with no eviction.
        var host = HostOf(100, rebalancePeriod: 6) with { HotPlugStepBytes = 2 * Traces.Format.TraceFormat.PageSize };
        var scenario = Scenario(host, Vm("a", memory: 4, limit: 8, maxmem: 8));

        var a = Run(scenario, [.. Reads(0, 0, 5), .. Reads(0, 0, 1)]).Vms[0];

        Assert.Equal((2L, 6L), (a.HotPlugged, a.Memory));
        Assert.Equal((2L, 2L, 0L), (a.GuestSwapOuts, a.GuestSwapIns, a.GuestSwapped));
        Assert.Equal(6, a.Granted);
        Assert.Equal((6 * ZeroFill) + (2 * 10_000), a.StallMicroseconds);
    }
}
