using MemFw.Framework.Content.Backing;
using MemFw.Plugins.Backing;

namespace MemFw.Plugins.Tests.Backing;

/// <summary>
/// The backing chain over real stores, on crafted sequences: where each page goes, where it is read from, what each
/// step costs (worked out from the stores' options) and what each store counts.
/// </summary>
public sealed class BackingChainTests
{
    /// <summary>The default disk: a 4 KiB write at 50 MB/s, a read with a 10,000 µs seek first.</summary>
    private const double DiskWrite = 4096 / 50.0;
    private const double DiskRead = 10_000 + DiskWrite;

    /// <summary>compressed-ram at 500 MB/s compression and 2000 MB/s decompression.</summary>
    private const double Compress = 4096 / 500.0;
    private const double Decompress = 4096 / 2000.0;

    private static readonly SwapKey s_a = new(0, 1);
    private static readonly SwapKey s_b = new(0, 2);
    private static readonly SwapKey s_c = new(1, 1);

    [Fact]
    public void SwapOut_RefusedPage_FallsThroughToTheNextStoreAndCostsBoth()
    {
        var chain = Chain(("compressed-ram", Ram()), ("disk", new DiskStore(new DeviceOptions())));

        var refused = chain.SwapOut(s_a, 1, compressedBytes: 3000);
        var kept = chain.SwapOut(s_b, 1, compressedBytes: 1000);

        Assert.Equal(Compress + DiskWrite, refused, precision: 9);
        Assert.Equal(Compress, kept, precision: 9);
        Assert.Equal(DiskRead, chain.SwapIn(s_a, out var fromA), precision: 9);
        Assert.Equal(Decompress, chain.SwapIn(s_b, out var fromB), precision: 9);
        Assert.Equal((1, 0), (fromA, fromB));
        var (ram, disk) = (chain.Counters[0], chain.Counters[1]);
        Assert.Equal(("compressed-ram", 1L, 1L, 1L, 1L), (ram.Name, ram.Kept, ram.Refused, ram.Loads, ram.Misses));
        Assert.Equal(("disk", 1L, 0L, 1L, 0L), (disk.Name, disk.Kept, disk.Refused, disk.Loads, disk.Misses));
        Assert.Equal(2 * Compress, ram.StoreMicroseconds, precision: 9);
        Assert.Equal((Decompress, DiskWrite, DiskRead), (ram.LoadMicroseconds, disk.StoreMicroseconds,
            disk.LoadMicroseconds));
        // 1000 bytes held: one frame; the disk holds a whole page and no frame.
        Assert.Equal((1L, 1000L, 1L, 1L), (ram.Pages, ram.Bytes, ram.MachineFrames, ram.PeakMachineFrames));
        Assert.Equal((1L, 4096L, 0L), (disk.Pages, disk.Bytes, disk.MachineFrames));
        Assert.Equal(1, chain.MachineFrames);
    }

    [Fact]
    public void SwapIn_PageTheEphemeralStoreDropped_IsReadFromTheNextStore()
    {
        // A cleancache pool of one page: each page it keeps also goes to the disk (1 µs + 81.92 µs); b pushes a out.
        var pool = new CleancacheStore(new TmemOptions { Capacity = 1, CopyUs = 1 });
        var chain = Chain(("cleancache", pool), ("disk", new DiskStore(new DeviceOptions())));

        Assert.Equal(1 + DiskWrite, chain.SwapOut(s_a, 1, 4096), precision: 9);
        Assert.Equal(1 + DiskWrite, chain.SwapOut(s_b, 1, 4096), precision: 9);

        Assert.Equal(1, pool.Dropped);
        Assert.Equal(DiskRead, chain.SwapIn(s_a, out var fromA), precision: 9);
        Assert.Equal(1, chain.SwapIn(s_b, out var fromB), precision: 9);
        Assert.Equal((1, 0), (fromA, fromB));
        // The pool's get was exclusive: b is read from the disk next time, which still holds it.
        Assert.True(chain.Holds(s_b, 1));
        Assert.Equal(DiskRead, chain.SwapIn(s_b, out fromB), precision: 9);
        Assert.Equal(1, fromB);
        var (cache, disk) = (chain.Counters[0], chain.Counters[1]);
        Assert.Equal((2L, 0L, 1L, 2L, 0L), (cache.Kept, cache.Refused, cache.Loads, cache.Misses, cache.Pages));
        Assert.Equal((2L, 2L, 0L, 2L), (disk.Kept, disk.Loads, disk.Misses, disk.Pages));
        Assert.Equal((2.0, 1.0), (cache.StoreMicroseconds, cache.LoadMicroseconds));
    }

    [Fact]
    public void Holds_TheStoredVersionOnly_UntilANewerOneOrADiscard()
    {
        // A frontswap pool of one page in front of the disk: a takes the pool, so b goes to the disk. Once a is
        // discarded, b's second version takes the pool, and the disk forgets b's first.
        var chain = Chain(("frontswap", new FrontswapStore(new TmemOptions { Capacity = 1 })),
            ("disk", new DiskStore(new DeviceOptions())));
        chain.SwapOut(s_a, 1, 4096);
        chain.SwapOut(s_b, 1, 4096);

        Assert.Equal((true, false, true, false), (chain.Holds(s_a, 1), chain.Holds(s_a, 2), chain.Holds(s_b, 1),
            chain.Holds(s_c, 0)));
        chain.Discard(s_a);
        Assert.False(chain.Holds(s_a, 1));
        Assert.Equal(1, chain.SwapOut(s_b, 2, 4096), precision: 9);
        Assert.Equal((false, true), (chain.Holds(s_b, 1), chain.Holds(s_b, 2)));
        Assert.Equal((1L, 0L), (chain.Counters[0].Pages, chain.Counters[1].Pages));
        Assert.Equal(1, chain.SwapIn(s_b, out var from), precision: 9);
        Assert.Equal(0, from);
        Assert.Throws<InvalidOperationException>(() => chain.SwapIn(s_a, out _));
        Assert.Equal((1L, 1L, 0L), (chain.Counters[0].Misses, chain.Counters[1].Misses, chain.Counters[1].Loads));
    }

    [Fact]
    public void SwapOut_CompressedRamAtItsCap_PeakFramesStayAfterDiscards()
    {
        // Pages of 3000 bytes, cap 2 frames (8192 bytes): two fit (6000 bytes, 2 frames), the third is refused.
        var chain = Chain(("compressed-ram", Ram(capacityFrames: 2, maxBytes: 4096)),
            ("ssd", new SsdStore(new SsdOptions())));

        foreach (var page in new[] { s_a, s_b, s_c })
        {
            chain.SwapOut(page, 1, 3000);
        }

        chain.Discard(s_a);
        chain.Discard(s_b);
        var ram = chain.Counters[0];
        Assert.Equal((2L, 1L, 0L, 0L, 2L), (ram.Kept, ram.Refused, ram.Pages, ram.MachineFrames,
            ram.PeakMachineFrames));
        Assert.Equal((1L, 150.0), (chain.Counters[1].Pages, chain.Counters[1].StoreMicroseconds));
    }

    [Fact]
    public void SwapOutHoldsSwapInDiscard_AllocateNothingOnceWarm()
    {
        // Every store of every kind, the first four refusing or dropping in turn, over 64 pages of two VMs: once each
        // store has grown to its largest, another round of the same calls allocates nothing.
        var chain = Chain(("frontswap", new FrontswapStore(new TmemOptions { Capacity = 8 })),
            ("cleancache", new CleancacheStore(new TmemOptions { Capacity = 8 })),
            ("compressed-ram", Ram(capacityFrames: 4)), ("disk", new DiskStore(new DeviceOptions())));
        Round(chain, stamp: 1);
        Round(chain, stamp: 2);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Round(chain, stamp: 3);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static void Round(BackingChain chain, long stamp)
    {
        for (var page = 0; page < 64; page++)
        {
            var key = new SwapKey(page % 2, page);
            chain.SwapOut(key, stamp, compressedBytes: 500 + (page * 50));
            Assert.True(chain.Holds(key, stamp));
        }

        for (var page = 0; page < 64; page++)
        {
            chain.SwapIn(new SwapKey(page % 2, page), out _);
        }

        for (var page = 0; page < 64; page += 2)
        {
            chain.Discard(new SwapKey(page % 2, page));
        }
    }

    public static TheoryData<string[], string> BadChains => new()
    {
        { [], "expected at least one backing store" },
        { ["disk", "ssd"], "store 'ssd' follows 'disk', which keeps every page, so it would never be used" },
        { ["compressed-ram"], "the last store, 'compressed-ram', may refuse or drop a page" },
        { ["frontswap"], "the last store, 'frontswap', may refuse or drop a page" },
        { ["disk", "cleancache"], "store 'cleancache' follows 'disk'" },
        { ["cleancache"], "the last store, 'cleancache', may refuse or drop a page" },
    };

    [Theory]
    [MemberData(nameof(BadChains))]
    public void New_ChainThatCannotKeepEveryPage_IsRefused(string[] names, string message)
    {
        var stores = names.Select(name => (name, Store(name))).ToList();

        var error = Assert.Throws<ArgumentException>(() => new BackingChain(stores));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static BackingChain Chain(params (string Name, IBackingStore Store)[] stores) => new(stores);

    private static CompressedRamStore Ram(long capacityFrames = 0, int maxBytes = 2048) => new(new CompressedRamOptions
    {
        CapacityFrames = capacityFrames,
        MaxBytes = maxBytes,
        CompressMbPerS = 500,
        DecompressMbPerS = 2000,
    });

    private static IBackingStore Store(string name) => name switch
    {
        "disk" => new DiskStore(new DeviceOptions()),
        "ssd" => new SsdStore(new SsdOptions()),
        "compressed-ram" => Ram(),
        "frontswap" => new FrontswapStore(new TmemOptions()),
        _ => new CleancacheStore(new TmemOptions()),
    };
}
