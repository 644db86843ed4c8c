using MemFw.Plugins.Compression;

namespace MemFw.Plugins.Tests.Compression;

/// <summary>The LZRW codecs' tables: empty at each reset, including when the base wraps and the array is cleared.</summary>
public sealed class PositionTableTests
{
    [Fact]
    public void Reset_ForgetsThePreviousCall()
    {
        var table = new PositionTable(4);
        table.Reset(10);
        table.Set(1, 9);

        table.Reset(10);

        Assert.Equal(PositionTable.Empty, table[1]);
        table.Set(1, 0);
        Assert.Equal(0, table[1]);
    }

    [Fact]
    public void Reset_NearTheEndOfTheBase_ClearsAndStartsOver()
    {
        var table = new PositionTable(4);
        table.Reset(int.MaxValue - 8);
        table.Set(0, int.MaxValue - 9);
        Assert.Equal(int.MaxValue - 9, table[0]);

        table.Reset(100);

        Assert.Equal(PositionTable.Empty, table[0]);
    }

    [Fact]
    public void Push_MostRecentFirstAndTheOldestFallsOut()
    {
        var table = new PositionTable(8);
        table.Reset(100);
        foreach (var position in new[] { 10, 20, 30, 40, 50 })
        {
            table.Push(4, 4, position);
        }

        Assert.Equal([50, 40, 30, 20], Enumerable.Range(4, 4).Select(slot => table[slot]));
        Assert.Equal(PositionTable.Empty, table[3]);
    }
}
