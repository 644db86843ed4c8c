using MemFw.Framework.Content.Backing;
using MemFw.Plugins.Backing;

namespace MemFw.Plugins.Tests.Backing;

/// <summary>The backing stores' costs, capacities and coherency, with figures worked out from their options.</summary>
public sealed class BackingStoreTests
{
    private static readonly SwapKey s_a = new(0, 1);
    private static readonly SwapKey s_b = new(0, 2);
    private static readonly SwapKey s_c = new(1, 1);

    [Fact]
    public void Disk_WritesSequentiallyAndSeeksToRead()
    {
        // 4096 bytes at 50 MB/s = 81.92 µs; a read adds the 10,000 µs seek.
        var disk = new DiskStore(new DeviceOptions());

        var stored = disk.Store(s_a, stamp: 7, compressedBytes: 100);

        Assert.Equal(new StoreOutcome(true, 81.92), stored);
        Assert.Equal(new LoadOutcome(true, 7, 10_081.92), disk.Load(s_a));
        Assert.Equal(new LoadOutcome(true, 7, 10_081.92), disk.Load(s_a));
        disk.Discard(s_a);
        Assert.Equal(LoadOutcome.Miss, disk.Load(s_a));
        Assert.Equal((0L, 0L), (disk.Pages, disk.MachineFrames));
    }

    [Fact]
    public void Ssd_CostsItsReadAndWriteTimes()
    {
        var ssd = new SsdStore(new SsdOptions { ReadUs = 90, WriteUs = 200 });

        Assert.Equal(new StoreOutcome(true, 200), ssd.Store(s_a, 1, 4096));
        Assert.Equal(new LoadOutcome(true, 1, 90), ssd.Load(s_a));
    }

    [Fact]
    public void CompressedRam_KeepsPagesThatCompressToHalfAPage()
    {
        // Compressing 4096 bytes at 500 MB/s: 8.192 µs; decompressing at 2000 MB/s: 2.048 µs.
        var ram = new CompressedRamStore(new CompressedRamOptions { CompressMbPerS = 500, DecompressMbPerS = 2000 });

        Assert.Equal(new StoreOutcome(false, 8.192), ram.Store(s_a, 1, 2049));
        Assert.Equal(new StoreOutcome(true, 8.192), ram.Store(s_b, 2, 2048));
        Assert.Equal(LoadOutcome.Miss, ram.Load(s_a));
        Assert.Equal(new LoadOutcome(true, 2, 2.048), ram.Load(s_b));
    }

    [Fact]
    public void CompressedRam_PacksBytesIntoFramesAndRefusesPastItsCapacity()
    {
        // 1500 + 1500 + 1500 = 4500 bytes: 2 frames. A page of 3700 more makes 8200 bytes, 3 frames: over the cap of 2.
        var ram = new CompressedRamStore(new CompressedRamOptions { CapacityFrames = 2, MaxBytes = 4096 });
        ram.Store(new SwapKey(0, 1), 1, 1500);
        ram.Store(new SwapKey(0, 2), 1, 1500);
        ram.Store(new SwapKey(0, 3), 1, 1500);

        var refused = ram.Store(new SwapKey(0, 4), 1, 3700);

        Assert.False(refused.Kept);
        Assert.Equal((3L, 2L), (ram.Pages, ram.MachineFrames));
        Assert.True(ram.Store(new SwapKey(0, 4), 1, 3692).Kept);
        Assert.Equal(2, ram.MachineFrames);
    }

    [Theory]
    [InlineData(CompressedRamPool.Dense, 1)] // 3 x 1000 bytes end to end: 3000 bytes, one frame
    [InlineData(CompressedRamPool.Zbud, 2)] // at most two objects per frame: 2 + 1
    [InlineData(CompressedRamPool.Z3fold, 1)] // three 16-chunk objects in one frame's 63 chunks
    public void CompressedRam_PoolDecidesTheFramesItHolds(CompressedRamPool pool, long frames)
    {
        var ram = new CompressedRamStore(new CompressedRamOptions { Pool = pool });
        for (var page = 0; page < 3; page++)
        {
            Assert.True(ram.Store(new SwapKey(0, page), 1, 1000).Kept);
        }

        Assert.Equal((3L, 3000L, frames), (ram.Pages, ram.Bytes, ram.MachineFrames));

        // Forgetting two pages empties a zbud frame (its two objects) and leaves one frame in every pool.
        ram.Discard(new SwapKey(0, 0));
        ram.Discard(new SwapKey(0, 1));
        Assert.Equal((1L, 1L), (ram.Pages, ram.MachineFrames));
    }

    [Fact]
    public void CompressedRam_PoolPastItsCapacity_RefusesAndFreesTheObject()
    {
        // zbud with a cap of one frame: two pages of 1000 bytes fill it; a third would need a second frame.
        var ram = new CompressedRamStore(new CompressedRamOptions { Pool = CompressedRamPool.Zbud, CapacityFrames = 1 });
        ram.Store(new SwapKey(0, 1), 1, 1000);
        ram.Store(new SwapKey(0, 2), 1, 1000);

        Assert.False(ram.Store(new SwapKey(0, 3), 1, 1000).Kept);
        Assert.Equal((2L, 1L), (ram.Pages, ram.MachineFrames));
    }

    [Fact]
    public void Cleancache_DropsItsOldestPageWhenFullAndGetsAreExclusive()
    {
        var pool = new CleancacheStore(new TmemOptions { Capacity = 2 });
        pool.Store(s_a, 1, 4096);
        pool.Store(s_b, 2, 4096);

        pool.Store(s_c, 3, 4096);

        Assert.Equal(1, pool.Dropped);
        Assert.Equal(LoadOutcome.Miss, pool.Load(s_a));
        Assert.Equal(new LoadOutcome(true, 2, 1), pool.Load(s_b));
        Assert.Equal(LoadOutcome.Miss, pool.Load(s_b));
    }

    [Fact]
    public void Cleancache_NeverReturnsStaleData()
    {
        // A seeded mix of puts of new versions, gets and flushes of a few keys against a reference of each key's
        // latest version: a hit must return that version, and only once (exclusive gets); misses are allowed, since
        // the pool may drop anything.
        var pool = new CleancacheStore(new TmemOptions { Capacity = 5 });
        var latest = new Dictionary<SwapKey, long>();
        var random = new Random(20261123);
        var hits = 0;
        for (var step = 1; step <= 20_000; step++)
        {
            var key = new SwapKey(random.Next(2), random.Next(6));
            switch (random.Next(3))
            {
                case 0:
                    pool.Store(key, step, 4096);
                    latest[key] = step;
                    break;
                case 1:
                    var got = pool.Load(key);
                    if (got.Hit)
                    {
                        hits++;
                        Assert.True(latest.Remove(key, out var expected), $"step {step}: a hit for a key not put since");
                        Assert.Equal(expected, got.Stamp);
                    }
                    else
                    {
                        latest.Remove(key);
                    }

                    break;
                default:
                    pool.Discard(key);
                    latest.Remove(key);
                    break;
            }

            Assert.InRange(pool.Pages, 0, 5);
        }

        Assert.True(hits > 1000, $"{hits} hits");
    }

    [Fact]
    public void Frontswap_RefusesWhenFullButKeepsWhatItAccepted()
    {
        var pool = new FrontswapStore(new TmemOptions { Capacity = 2 });
        pool.Store(s_a, 1, 4096);
        pool.Store(s_b, 2, 4096);

        Assert.Equal(new StoreOutcome(false, 0), pool.Store(s_c, 3, 4096));
        Assert.Equal(new StoreOutcome(true, 1), pool.Store(s_a, 4, 4096));
        Assert.Equal(new LoadOutcome(true, 4, 1), pool.Load(s_a));
        Assert.Equal(new LoadOutcome(true, 4, 1), pool.Load(s_a));
        pool.Discard(s_a);
        Assert.True(pool.Store(s_c, 5, 4096).Kept);
    }
}
