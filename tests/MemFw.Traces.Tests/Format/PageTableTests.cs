using System.IO.Hashing;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

/// <summary>pages.parquet written with <see cref="PageWriter"/> and read back with <see cref="PageReader"/>.</summary>
public sealed class PageTableTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<byte[]> _pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddPage_RealPages_StoresHashZeroFlagAndContentOfNonZeroPages(bool storeContent)
    {
        var path = _temp.Combine("pages.parquet");
        using (var writer = new PageWriter(path, storeContent))
        {
            for (var gfn = 0; gfn < _pages.Count; gfn++)
            {
                writer.AddPage(3, 77, (ulong)gfn, _pages[gfn]);
            }

            writer.Close();
        }

        var rows = Read(path, readContent: true);

        Assert.Equal(_pages.Count, rows.Count);
        for (var gfn = 0; gfn < _pages.Count; gfn++)
        {
            var zero = Captures.IsZero(_pages[gfn]);
            Assert.Equal(new PageRow(3, 77, (ulong)gfn, XxHash3.HashToUInt64(_pages[gfn]), zero, null),
                rows[gfn] with { Content = null });
            Assert.Equal(storeContent && !zero ? _pages[gfn] : null, rows[gfn].Content);
        }
    }

    [Fact]
    public void Read_WithoutContent_LeavesContentNull()
    {
        var path = _temp.Combine("pages.parquet");
        using (var writer = new PageWriter(path, storeContent: true))
        {
            writer.AddPage(0, 0, 0, _pages[0]);
            writer.Close();
        }

        var row = Assert.Single(Read(path, readContent: false));

        Assert.Null(row.Content);
        Assert.Equal(XxHash3.HashToUInt64(_pages[0]), row.Hash);
    }

    [Fact]
    public void Read_MoreRowsThanOneRowGroup_ReadsEveryRowGroup()
    {
        var path = _temp.Combine("pages.parquet");
        var count = TraceFormat.PageRowGroupRows + 100;
        using (var writer = new PageWriter(path, storeContent: false))
        {
            for (var gfn = 0; gfn < count; gfn++)
            {
                writer.AddPage(0, 0, (ulong)gfn, _pages[gfn % _pages.Count]);
            }

            writer.Close();
        }

        var rows = Read(path, readContent: false);

        Assert.Equal(count, rows.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(g => (ulong)g), rows.Select(r => r.Gfn));
        Assert.Equal(Enumerable.Range(0, count).Select(g => XxHash3.HashToUInt64(_pages[g % _pages.Count])),
            rows.Select(r => r.Hash));
    }

    [Fact]
    public void AddPage_WrongSize_Throws()
    {
        using var writer = new PageWriter(_temp.Combine("pages.parquet"), storeContent: true);

        Assert.Throws<ArgumentException>(() => writer.AddPage(0, 0, 0, new byte[4095]));
    }

    private static List<PageRow> Read(string path, bool readContent)
    {
        using var reader = new PageReader(path, readContent);
        var batch = new PageBatch();
        var rows = new List<PageRow>();
        while (reader.Read(batch) > 0)
        {
            Assert.Equal(rows.Count, reader.BatchStartRow);
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add(new PageRow(batch.Vm[i], batch.Time[i], batch.Gfn[i], batch.Hash[i], batch.Zero[i],
                    batch.Content[i]));
            }
        }

        Assert.Equal(rows.Count, reader.RowCount);
        return rows;
    }
}
