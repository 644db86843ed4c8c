using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

/// <summary><see cref="PrefetchingAccessReader"/> gives back exactly what the plain reader gives, in order.</summary>
public sealed class PrefetchingAccessReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<Access> _accesses = Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow));

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(300, 1000)]
    [InlineData(300, 7)]
    [InlineData(1 << 20, 4096)]
    public void Next_AnyBatchSize_EveryRowInOrderWithItsRowIndex(int rowGroupRows, int batchSize)
    {
        var path = _temp.Combine("accesses.parquet");
        using (var writer = new AccessWriter(path, rowGroupRows))
        {
            foreach (var a in _accesses)
            {
                writer.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
            }

            writer.Close();
        }

        using var reader = new PrefetchingAccessReader(new AccessReader(path, AccessColumns.All), batchSize);
        var rows = new List<Access>();
        for (var batch = reader.Next(); batch is not null; batch = reader.Next())
        {
            Assert.Equal(rows.Count, reader.BatchStartRow);
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add(new Access(batch.Time[i], batch.Vm[i], batch.Vcpu[i], batch.Gva[i], batch.Gpa[i],
                    (byte)batch.Kind[i], batch.Size[i], batch.Io[i]));
            }

            Assert.Equal(rows.Count, reader.RowsRead);
        }

        Assert.Equal(_accesses, rows);
        Assert.Null(reader.Next());
    }
}
