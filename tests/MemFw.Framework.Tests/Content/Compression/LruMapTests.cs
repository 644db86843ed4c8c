using MemFw.Framework.Content.Compression;

namespace MemFw.Framework.Tests.Content.Compression;

/// <summary>The writeback order of the compressed stores: oldest first, removal from anywhere, nodes reused.</summary>
public sealed class LruMapTests
{
    [Fact]
    public void Oldest_FollowsAdditionsAndRemovals()
    {
        var map = new LruMap<int>();
        for (var page = 1; page <= 40; page++)
        {
            map.AddNewest(page, page * 10);
        }

        map.Remove(1, out _);
        map.Remove(3, out var value);
        map.AddNewest(1, 7);

        Assert.Equal(30, value);
        Assert.True(map.TryGetOldest(out var oldest));
        Assert.Equal(2, oldest);
        Assert.Equal(39, map.Count);
        Assert.True(map.TryGetValue(1, out var one));
        Assert.Equal(7, one);
    }

    [Fact]
    public void Drain_GivesPagesInAdditionOrder()
    {
        var map = new LruMap<int>();
        long[] pages = [5, 9, 2, 7];
        foreach (var page in pages)
        {
            map.AddNewest(page, 0);
        }

        var drained = new List<long>();
        while (map.TryGetOldest(out var page))
        {
            map.Remove(page, out _);
            drained.Add(page);
        }

        Assert.Equal(pages, drained);
        Assert.False(map.Remove(5, out _));
    }

    [Fact]
    public void AddNewest_PageHeld_Throws()
    {
        var map = new LruMap<int>();
        map.AddNewest(1, 0);

        Assert.Throws<ArgumentException>(() => map.AddNewest(1, 0));
    }
}
