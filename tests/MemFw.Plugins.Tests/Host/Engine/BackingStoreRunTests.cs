using MemFw.Framework.Content.Backing;
using MemFw.Framework.Plugins;
using static MemFw.Plugins.Tests.Host.Engine.HostRuns;

namespace MemFw.Plugins.Tests.Host.Engine;

/// <summary>
/// Hand-checked host runs through a chain of backing stores: what the VMM writes, what it reads back and from where.
/// The disk writes a page in 4096 / 50 = 81.92 µs and reads one in a 10,000 µs seek plus that (10,081.92 µs).
/// </summary>
public sealed class BackingStoreRunTests
{
    /// <summary>lz4's measured compression speed, compressed-ram's default: 4096 bytes at 1318 MB/s.</summary>
    private const double Lz4Compress = 4096 / 1318.0;

    [Fact]
    public void Run_CleanPageTheDiskHolds_IsNotWrittenAgain()
    {
        // Limit 2, LRU, pages 0w 1 2 0 1 2 0w 1 2. 2 evicts 0 (dirty: version 1 written); 0 back (read) evicts 1
        // (clean, not on disk: written); 1 back evicts 2 (written); 2 back evicts 0 (clean, version 1 on disk: no
        // write); 0w back evicts 1 (on disk); 1 back evicts 2 (on disk); 2 back evicts 0, dirty again: version 2
        // written. 9 faults: 3 first touches, 6 swap-ins; 7 swap-outs (each fault from the 3rd on), 4 written, 2 dirty.
        var scenario = Scenario(HostOf(100), Vm("a", memory: 10, limit: 2));

        var result = Run(scenario, (0, 0, true), (0, 1, false), (0, 2, false), (0, 0, false), (0, 1, false),
            (0, 2, false), (0, 0, true), (0, 1, false), (0, 2, false));

        var a = result.Vms[0];
        Assert.Equal((9L, 3L, 6L, 7L, 2L), (a.Faults, a.FirstTouches, a.SwapIns, a.SwapOuts, a.WriteBacks));
        Assert.Equal((3 * ZeroFill) + (4 * DiskWrite) + (6 * DiskRead), a.StallMicroseconds, precision: 9);
        var disk = Assert.Single(result.BackingStores);
        Assert.Equal(("disk", 4L, 6L, 0L, 0L), (disk.Name, disk.Kept, disk.Loads, disk.Refused, disk.Misses));
        Assert.Equal((3L, 3L * 4096, 0L), (disk.Pages, disk.Bytes, disk.MachineFrames));
    }

    [Fact]
    public void Run_CompressedRamRefusingWholePages_CountsAsDiskAloneButForTheCompressions()
    {
        // As HostEngineTests' hard-pressure run: at the point after 16 accesses the VMM swaps A's pages 0..5 out (all
        // clean, none stored yet: 6 stores), then A reads 0, 1, 2 back (3 loads). Every page counts as 4096 bytes
        // compressed, above compressed-ram's 2048-byte limit: it refuses all 6, each after a compression (4096 bytes
        // at lz4's 1318 MB/s), and misses all 3 lookups, so the disk does what it did alone.
        var host = HostOf(20, rebalancePeriod: 16);
        var accesses = Alternating(8).Concat(Reads(0, 0, 2)).ToArray();
        var diskOnly = Run(Scenario(host, Vm("a", 16, guarantee: 2), Vm("b", 16, guarantee: 8)), accesses);
        var chain = host with { BackingStores = [PolicySpec.Default("compressed-ram"), PolicySpec.Default("disk")] };
        var chained = Run(Scenario(chain, Vm("a", 16, guarantee: 2), Vm("b", 16, guarantee: 8)), accesses);

        var (alone, withRam) = (diskOnly.Vms[0], chained.Vms[0]);
        Assert.Equal(diskOnly.Vms[1], chained.Vms[1]);
        Assert.Equal(alone with { StallMicroseconds = 0, Slowdown = 0 },
            withRam with { StallMicroseconds = 0, Slowdown = 0 });
        Assert.Equal((8 * ZeroFill) + (6 * DiskWrite) + (3 * DiskRead), alone.StallMicroseconds, precision: 9);
        Assert.Equal(alone.StallMicroseconds + (6 * Lz4Compress), withRam.StallMicroseconds, precision: 9);
        var disk = new BackingStoreCounters("disk", InRam: false, Pages: 6, Bytes: 6 * 4096, MachineFrames: 0,
            PeakMachineFrames: 0, Kept: 6, Refused: 0, Loads: 3, Misses: 0, StoreMicroseconds: 6 * DiskWrite,
            LoadMicroseconds: 3 * DiskRead);
        AssertCounters(disk, Assert.Single(diskOnly.BackingStores));
        Assert.Equal(2, chained.BackingStores.Count);
        AssertCounters(new BackingStoreCounters("compressed-ram", InRam: true, Pages: 0, Bytes: 0, MachineFrames: 0,
            PeakMachineFrames: 0, Kept: 0, Refused: 6, Loads: 0, Misses: 3, StoreMicroseconds: 6 * Lz4Compress,
            LoadMicroseconds: 0), chained.BackingStores[0]);
        AssertCounters(disk, chained.BackingStores[1]);
    }

    /// <summary>Counts exactly, times to 9 decimals.</summary>
    private static void AssertCounters(BackingStoreCounters expected, BackingStoreCounters actual)
    {
        Assert.Equal(expected with { StoreMicroseconds = 0, LoadMicroseconds = 0 },
            actual with { StoreMicroseconds = 0, LoadMicroseconds = 0 });
        Assert.Equal(expected.StoreMicroseconds, actual.StoreMicroseconds, precision: 9);
        Assert.Equal(expected.LoadMicroseconds, actual.LoadMicroseconds, precision: 9);
    }
}
