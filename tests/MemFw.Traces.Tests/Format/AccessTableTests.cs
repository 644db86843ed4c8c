using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

/// <summary>accesses.parquet written with <see cref="AccessWriter"/> and read back with <see cref="AccessReader"/>.</summary>
public sealed class AccessTableTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<Access> _accesses = Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow));

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1 << 20, 1000)]
    [InlineData(300, 1000)]
    [InlineData(300, 7)]
    [InlineData(1, 64)]
    public void Read_AnyRowGroupAndBatchSize_GivesBackEveryRowInOrder(int rowGroupRows, int batchCapacity)
    {
        var path = Write(rowGroupRows);
        using var reader = new AccessReader(path, AccessColumns.All);
        var batch = new AccessBatch(batchCapacity);
        var rows = new List<Access>();
        var starts = new List<long>();

        while (reader.Read(batch) > 0)
        {
            starts.Add(reader.BatchStartRow);
            Assert.Equal(rows.Count, reader.BatchStartRow);
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add(new Access(batch.Time[i], batch.Vm[i], batch.Vcpu[i], batch.Gva[i], batch.Gpa[i],
                    (byte)batch.Kind[i], batch.Size[i], batch.Io[i]));
            }
        }

        Assert.Equal(_accesses.Count, reader.RowCount);
        Assert.Equal(_accesses.Count, reader.RowsRead);
        Assert.Equal(_accesses, rows);
        Assert.Equal(0, reader.Read(batch));
    }

    [Fact]
    public void Read_SomeColumns_FillsThoseColumns()
    {
        var path = Write(500);
        using var reader = new AccessReader(path, AccessColumns.Gpa | AccessColumns.Io);
        var batch = new AccessBatch(333);
        var rows = new List<(ulong, bool)>();

        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add((batch.Gpa[i], batch.Io[i]));
            }
        }

        Assert.Equal(_accesses.Select(a => (a.Gpa, a.Io)), rows);
    }

    [Fact]
    public void Add_Batch_WritesTheSameRowsAsAddOneByOne()
    {
        var batch = new AccessBatch(_accesses.Count);
        foreach (var a in _accesses)
        {
            batch.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
        }

        var path = _temp.Combine("batch.parquet");
        using (var writer = new AccessWriter(path, 256))
        {
            writer.Add(batch);
            Assert.Equal(_accesses.Count, writer.Count);
            writer.Close();
        }

        Assert.Equal(File.ReadAllBytes(Write(256)), File.ReadAllBytes(path));
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsNamingIt()
    {
        var path = _temp.Combine("missing.parquet");

        var e = Assert.Throws<TraceInputException>(() => new AccessReader(path, AccessColumns.All));

        Assert.Equal(path, e.File);
    }

    [Fact]
    public void Constructor_NotParquet_ThrowsNamingTheMagic()
    {
        var path = _temp.WriteFile("capture.parquet", Fixture.Bytes(Fixture.Qemu));

        var e = Assert.Throws<TraceInputException>(() => new AccessReader(path, AccessColumns.All));

        Assert.Equal(path, e.File);
        Assert.Contains("PAR1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PagesTable_IsRefusedAsAnAccessesTable()
    {
        var path = _temp.Combine("pages.parquet");
        using (var pages = new PageWriter(path, storeContent: true))
        {
            pages.AddPage(0, 0, 0, new byte[4096]);
            pages.Close();
        }

        var e = Assert.Throws<TraceInputException>(() => new AccessReader(path, AccessColumns.All));

        Assert.Equal(path, e.File);
        Assert.Contains("expected 8 columns", e.Message, StringComparison.Ordinal);
    }

    private string Write(int rowGroupRows)
    {
        var path = _temp.Combine($"accesses-{rowGroupRows}.parquet");
        using var writer = new AccessWriter(path, rowGroupRows);
        foreach (var a in _accesses)
        {
            writer.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
        }

        writer.Close();
        return path;
    }
}
