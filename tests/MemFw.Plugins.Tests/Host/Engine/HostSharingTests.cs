using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;
using MemFw.Framework.Plugins;
using static MemFw.Plugins.Tests.Host.Engine.HostRuns;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// Content-based sharing on the host, on crafted snapshots whose frames are counted by hand: the zero-page hack, a
/// scanner's merges during a snapshot start's warm-up, copy-on-write, and what giving up a shared page frees.
/// </summary>
public sealed class HostSharingTests
{
    private static readonly PageContent A = new(0xA, false, null);
    private static readonly PageContent B = new(0xB, false, null);
    private static readonly PageContent C = new(0xC, false, null);

    /// <summary>VM 0 holds A, B, zero; VM 1 holds A, C, zero (gfns 0, 1, 2).</summary>
    private static readonly StartSnapshot?[] s_snapshots =
    [
        new StartSnapshot(0, [(0, A), (1, B), (2, PageContent.Zero)]),
        new StartSnapshot(0, [(0, A), (1, C), (2, PageContent.Zero)]),
    ];

    private static Scenario Sharing(SharingConfig sharing, long ram = 64) => Scenario(
        HostOf(ram, rebalancePeriod: 1) with { Start = HostStart.Snapshot, Sharing = sharing },
        Vm("a", memory: 8), Vm("b", memory: 8));

    [Fact]
    public void Without_sharing_every_snapshot_page_takes_a_frame()
    {
        var result = Run(Sharing(new SharingConfig()), s_snapshots, (0, 0, false));

        // 2 VMs x 3 pages, each on a frame of its own: 64 - 6 free.
        Assert.Equal(58, result.Samples[^1].FreeFrames);
        Assert.Equal((0L, 0L), (result.Sharing.PagesSharing, result.Sharing.SharedFrames));
        Assert.All(result.Vms, vm => Assert.Equal((3L, 0L), (vm.Granted, vm.Shared)));
    }

    [Fact]
    public void Zero_page_hack_maps_both_zero_pages_to_one_host_frame()
    {
        var result = Run(Sharing(new SharingConfig { ZeroPages = true }), s_snapshots, (0, 0, false));

        // Own frames: A and B of VM 0, A and C of VM 1; one frame for both zero pages: 5 used.
        Assert.Equal(59, result.Samples[^1].FreeFrames);
        Assert.Equal((1L, 1L, 2L, 1L), (result.Sharing.PagesSharing, result.Sharing.ZeroSaved,
            result.Sharing.ZeroPages, result.Sharing.SharedFrames));
        Assert.All(result.Vms, vm => Assert.Equal((3L, 1L, 1L), (vm.Granted, vm.Shared, vm.Zero)));
    }

    [Fact]
    public void Warm_up_merges_equal_pages_and_writes_break_shares()
    {
        var sharing = new SharingConfig
        {
            Scanner = PolicySpec.Default("ksm"),
            ZeroPages = true,
            Warmup = TimeSpan.FromSeconds(10),
        };

        // After the warm-up: A shared by both VMs, zero pages on the zero frame; own frames B and C: 4 used.
        var merged = Run(Sharing(sharing), s_snapshots, (0, 1, false));
        Assert.Equal(60, merged.Samples[^1].FreeFrames);
        Assert.Equal((2L, 2L, 2L, 0L), (merged.Sharing.PagesShared, merged.Sharing.PagesSharing,
            merged.Sharing.SharedFrames, merged.Sharing.Merges));
        Assert.All(merged.Vms, vm => Assert.Equal((3L, 2L), (vm.Granted, vm.Shared)));

        // VM 0 writes A: copy-on-write gives it a frame of its own (5 used); VM 1 is A's last page and keeps the
        // frame without a copy (still 5 used, one shared frame left: the zero frame).
        var written = Run(Sharing(sharing), s_snapshots, (0, 0, true), (1, 0, true));
        Assert.Equal(59, written.Samples[^1].FreeFrames);
        Assert.Equal((1L, 1L, 1L), (written.Sharing.PagesSharing, written.Sharing.SharedFrames,
            written.Sharing.CopyOnWriteBreaks));
        Assert.Equal((1L, 0L), (written.Vms[0].CopyOnWrites, written.Vms[1].CopyOnWrites));
        Assert.All(written.Vms, vm => Assert.Equal(1L, vm.Shared));
    }

    [Fact]
    public void Salting_keeps_equal_pages_of_different_vms_apart()
    {
        var sharing = new SharingConfig
        {
            Scanner = PolicySpec.Default("ksm"),
            Salting = true,
            Warmup = TimeSpan.FromSeconds(10),
        };

        var result = Run(Sharing(sharing), s_snapshots, (0, 1, false));

        // A of VM 0 and A of VM 1 differ in salt; zero pages too (no hack): nothing merges.
        Assert.Equal(58, result.Samples[^1].FreeFrames);
        Assert.Equal(0L, result.Sharing.PagesSharing);
    }

    [Fact]
    public void Swapping_out_a_shared_page_frees_no_frame()
    {
        // VM 1 holds at most 2 pages (limit 2). Loading its snapshot (A, C, zero) swaps A out (LRU) to fit the zero
        // page, which joins VM 0's zero page on the zero frame. Then it reads A (C swapped out: its frame backs A)
        // and C: the least recently used page is now the zero page, which maps the shared frame, so swapping it out
        // frees nothing, and C takes a free frame of the host.
        var scenario = Scenario(
            HostOf(64, rebalancePeriod: 1) with
            {
                Start = HostStart.Snapshot,
                Sharing = new SharingConfig { ZeroPages = true },
            },
            Vm("a", memory: 8), Vm("b", memory: 8, limit: 2));
        var result = Run(scenario, s_snapshots, (1, 0, false), (1, 1, false));

        // VM 0: A, B on frames of their own, zero on the zero frame; VM 1: A and C on their own: 4 + 1 used.
        Assert.Equal(59, result.Samples[^1].FreeFrames);
        var b = result.Vms[1];
        Assert.Equal((2L, 2L, 2L, 1L, 1L), (b.SwapIns, b.SwapOuts, b.Granted, b.Swapped, b.SharedReleases));
        Assert.Equal((0L, 1L), (result.Sharing.PagesSharing, result.Sharing.SharedFrames));
    }
}
