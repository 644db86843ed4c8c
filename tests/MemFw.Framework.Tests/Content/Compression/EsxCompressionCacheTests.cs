using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Tests.Content.Compression;

/// <summary>
/// ESX's compression cache, frame by frame: 2 KiB slots two to a frame, 1 KiB slots four to a frame, pages over
/// 2 KiB refused, the oldest evicted when no slot can be had.
/// </summary>
public sealed class EsxCompressionCacheTests
{
    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1024, 1024)]
    [InlineData(1025, 2048)]
    [InlineData(2048, 2048)]
    [InlineData(2049, 0)]
    [InlineData(4096, 0)]
    public void SlotFor_HalfAndQuarterPageThresholds(int length, int slot) =>
        Assert.Equal(slot, EsxCompressionCache.SlotFor(length));

    [Fact]
    public void Capacity_DefaultsToATenthOfTheVm() =>
        Assert.Equal(3276, new EsxCompressionCache(vmPages: 32_768).CapacityFrames);

    [Fact]
    public void Store_TwoFrames_FillsEvictsAndReusesByHand()
    {
        // 100 pages at 2%: 2 frames.
        var cache = new EsxCompressionCache(vmPages: 100, capacityFraction: 0.02);
        var evicted = new List<long>();

        // A (1500 B): 2 KiB slot, new frame 0. B (900 B): 1 KiB slot, new frame 1. C (2000 B): frame 0's second slot.
        Assert.Equal(CompressedStoreResult.Stored, cache.Store(0xA, 1500, evicted));
        Assert.Equal(CompressedStoreResult.Stored, cache.Store(0xB, 900, evicted));
        Assert.Equal(CompressedStoreResult.Stored, cache.Store(0xC, 2000, evicted));
        Assert.Equal((3, 2, 2, 2 * 2048 + 1024L, 4400L), Sizes(cache));

        // D (3000 B) is over half a page: refused, nothing changes.
        Assert.Equal(CompressedStoreResult.TooLarge, cache.Store(0xD, 3000, evicted));

        // E (2048 B): no free 2 KiB slot, no frame left: the oldest, A, goes; E takes its slot.
        Assert.Equal(CompressedStoreResult.Stored, cache.Store(0xE, 2048, evicted));
        Assert.Equal([0xA], evicted);

        // F, G, H (1 KiB slots) fill frame 1. I evicts the oldest, B, and takes its slot.
        evicted.Clear();
        foreach (var page in new long[] { 0xF, 0x10, 0x11, 0x12 })
        {
            Assert.Equal(CompressedStoreResult.Stored, cache.Store(page, 1000, evicted));
        }

        Assert.Equal([0xB], evicted);

        // J (1 KiB): frame 1 is full and frame 0 holds 2 KiB slots. Evicting C frees a 2 KiB slot only; evicting E
        // empties frame 0, which becomes a frame of 1 KiB slots for J.
        evicted.Clear();
        Assert.Equal(CompressedStoreResult.Stored, cache.Store(0x13, 700, evicted));
        Assert.Equal([0xC, 0xE], evicted);
        Assert.Equal((5, 2, 0, 5 * 1024L, 4000L + 700), Sizes(cache));
    }

    [Fact]
    public void Remove_LastPageOfAFrame_GivesTheFrameBack()
    {
        var cache = new EsxCompressionCache(vmPages: 100, capacityFraction: 0.05);
        var evicted = new List<long>();
        cache.Store(1, 2000, evicted);
        cache.Store(2, 2000, evicted);
        cache.Store(3, 100, evicted);

        Assert.True(cache.Remove(1));
        Assert.Equal(2, cache.FramesUsed);
        Assert.True(cache.Remove(2));
        Assert.False(cache.Remove(2));

        Assert.Equal((1, 1, 0, 1024L, 100L), Sizes(cache));
        Assert.False(cache.Contains(1));
        Assert.True(cache.Contains(3));
        Assert.Empty(evicted);
    }

    [Fact]
    public void Store_NoCapacity_RefusesAsFull() =>
        Assert.Equal(CompressedStoreResult.Full, new EsxCompressionCache(vmPages: 5).Store(1, 10, []));

    [Fact]
    public void Store_PageAlreadyHeld_Throws()
    {
        var cache = new EsxCompressionCache(vmPages: 100);
        cache.Store(1, 10, []);

        Assert.Throws<ArgumentException>(() => cache.Store(1, 10, []));
    }

    /// <summary>(pages, frames, 2 KiB slots, slot bytes, compressed bytes).</summary>
    private static (int, int, int, long, long) Sizes(EsxCompressionCache cache) =>
        (cache.Pages, cache.FramesUsed, cache.LargeSlotsUsed, cache.SlotBytesUsed, cache.CompressedBytes);
}
