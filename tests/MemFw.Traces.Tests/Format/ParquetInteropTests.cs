using System.IO.Hashing;
using DuckDB.NET.Data;
using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Inspection;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

/// <summary>
/// Reads written traces with DuckDB, an independent Parquet reader, to show the files are plain Parquet that other
/// tools read with the documented column names, types and key-value metadata.
/// </summary>
public sealed class ParquetInteropTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DuckDBConnection _duck = new("Data Source=:memory:");

    public ParquetInteropTests() => _duck.Open();

    public void Dispose()
    {
        _duck.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(Fixture.Qemu)]
    [InlineData(Fixture.QemuIoWindow)]
    public void AccessesTable_ReadByDuckDb_GivesTheSameCountsAsTraceInfo(string capture)
    {
        var output = _temp.Combine("single");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse(Fixture.Path(capture))],
            Output = output,
        });
        var summary = TraceInfo.Summarize(Trace.Open(output));
        var file = Sql(Path.Combine(output, TraceFormat.AccessesFile));

        var (count, writes, pages, io) = Row(
            "SELECT count(*), sum(CASE WHEN kind=1 THEN 1 ELSE 0 END)::BIGINT, " +
            "count(DISTINCT gpa >> 12) FILTER (WHERE NOT io), count(*) FILTER (WHERE io) " +
            $"FROM read_parquet({file})",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));

        Assert.Equal(summary.Accesses, count);
        Assert.Equal(summary.Writes, writes);
        Assert.Equal(summary.DistinctPages, pages);
        Assert.Equal(summary.IoAccesses, io);
        Assert.Equal(2000, count);
    }

    [Fact]
    public void AccessesTable_ReadByDuckDbWithTwoVms_GivesTheSameCountsAsTraceInfo()
    {
        // trace info adds distinct pages up per VM: the same frame number in two VMs is two pages.
        var output = ImportQemu();
        var summary = TraceInfo.Summarize(Trace.Open(output));
        var file = Sql(Path.Combine(output, TraceFormat.AccessesFile));

        var (count, writes, io) = Row(
            "SELECT count(*), sum(CASE WHEN kind=1 THEN 1 ELSE 0 END)::BIGINT, count(*) FILTER (WHERE io) " +
            $"FROM read_parquet({file})",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
        var pages = Row(
            $"SELECT count(*) FROM (SELECT DISTINCT vm, gpa >> 12 FROM read_parquet({file}) WHERE NOT io)",
            r => r.GetInt64(0));
        var perVm = Rows(
            "SELECT vm, count(*), count(DISTINCT gpa >> 12) FILTER (WHERE NOT io) " +
            $"FROM read_parquet({file}) GROUP BY vm ORDER BY vm",
            r => (Vm: (int)r.GetFieldValue<ushort>(0), Accesses: r.GetInt64(1), Pages: r.GetInt64(2)));

        Assert.Equal(summary.Accesses, count);
        Assert.Equal(summary.Writes, writes);
        Assert.Equal(summary.IoAccesses, io);
        Assert.Equal(summary.DistinctPages, pages);
        Assert.Equal(summary.Vms.Select(v => (v.Id, v.Accesses, v.DistinctPages)), perVm);
        Assert.Equal(4000, count);
        Assert.Equal(2, io);
    }

    [Fact]
    public void AccessesTable_ReadByDuckDb_HoldsEveryRecordOfTheCapture()
    {
        var expected = Captures.ParseQemu(Fixture.Bytes(Fixture.Qemu), vm: 0)
            .Concat(Captures.ParseQemu(Fixture.Bytes(Fixture.QemuIoWindow), vm: 1))
            .OrderBy(a => a.Time).ThenBy(a => a.Vm)
            .ToList();
        var output = ImportQemu();
        var file = Sql(Path.Combine(output, TraceFormat.AccessesFile));

        var rows = Rows($"SELECT time, vm, vcpu, gva, gpa, kind, size, io FROM read_parquet({file}) ORDER BY time, vm",
            r => new Access(r.GetInt64(0), r.GetFieldValue<ushort>(1), r.GetFieldValue<ushort>(2),
                r.GetFieldValue<ulong>(3), r.GetFieldValue<ulong>(4), r.GetByte(5), r.GetByte(6), r.GetBoolean(7)));

        Assert.Equal(expected, rows);
    }

    [Fact]
    public void AccessesTable_ReadByDuckDb_HasTheDocumentedColumnsAndTypes()
    {
        var output = ImportQemu();
        var file = Sql(Path.Combine(output, TraceFormat.AccessesFile));

        var columns = Rows($"DESCRIBE SELECT * FROM read_parquet({file})", r => (r.GetString(0), r.GetString(1)));

        Assert.Equal(
            [("time", "BIGINT"), ("vm", "USMALLINT"), ("vcpu", "USMALLINT"), ("gva", "UBIGINT"), ("gpa", "UBIGINT"),
                ("kind", "UTINYINT"), ("size", "UTINYINT"), ("io", "BOOLEAN")],
            columns);
    }

    [Theory]
    [InlineData(TraceFormat.AccessesFile, "accesses")]
    [InlineData(TraceFormat.PagesFile, "pages")]
    public void Table_ReadByDuckDb_CarriesTheFormatVersionAndTableName(string table, string name)
    {
        var output = ImportRam(storeContent: true);
        var file = Sql(Path.Combine(output, table));

        var metadata = Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({file})",
            r => (r.GetString(0), r.GetString(1))).ToDictionary(kv => kv.Item1, kv => kv.Item2);

        Assert.Equal(TraceFormat.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            metadata["memfw.format_version"]);
        Assert.Equal(name, metadata["memfw.table"]);
    }

    [Fact]
    public void PagesTable_ReadByDuckDb_HasTheDocumentedColumnsAndTypes()
    {
        var output = ImportRam(storeContent: true);
        var file = Sql(Path.Combine(output, TraceFormat.PagesFile));

        var columns = Rows($"DESCRIBE SELECT * FROM read_parquet({file})", r => (r.GetString(0), r.GetString(1)));

        Assert.Equal(
            [("vm", "USMALLINT"), ("time", "BIGINT"), ("gfn", "UBIGINT"), ("hash", "UBIGINT"), ("zero", "BOOLEAN"),
                ("content", "BLOB")],
            columns);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PagesTable_ReadByDuckDb_HoldsEveryPageOfTheImage(bool storeContent)
    {
        var pages = Captures.Pages(Fixture.Bytes(Fixture.RamFirst64));
        var output = ImportRam(storeContent);
        var summary = TraceInfo.Summarize(Trace.Open(output)).PageContents!;
        var file = Sql(Path.Combine(output, TraceFormat.PagesFile));

        var rows = Rows($"SELECT vm, time, gfn, hash, zero, content FROM read_parquet({file}) ORDER BY gfn",
            r => (Gfn: r.GetFieldValue<ulong>(2), Hash: r.GetFieldValue<ulong>(3), Zero: r.GetBoolean(4),
                Content: r.IsDBNull(5) ? null : ReadBlob(r, 5)));
        var (zero, withContent) = Row(
            $"SELECT count(*) FILTER (WHERE zero), count(content) FROM read_parquet({file})",
            r => (r.GetInt64(0), r.GetInt64(1)));

        Assert.Equal(pages.Count, rows.Count);
        for (var gfn = 0; gfn < pages.Count; gfn++)
        {
            var isZero = Captures.IsZero(pages[gfn]);
            Assert.Equal((ulong)gfn, rows[gfn].Gfn);
            Assert.Equal(XxHash3.HashToUInt64(pages[gfn]), rows[gfn].Hash);
            Assert.Equal(isZero, rows[gfn].Zero);
            Assert.Equal(storeContent && !isZero ? pages[gfn] : null, rows[gfn].Content);
        }

        Assert.Equal(summary.ZeroPages, zero);
        Assert.Equal(summary.PagesWithContent, withContent);
    }

    private string ImportQemu()
    {
        var output = _temp.Combine("qemu");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse($"A={Fixture.Path(Fixture.Qemu)}"),
                InputSpec.Parse($"B={Fixture.Path(Fixture.QemuIoWindow)}")],
            Output = output,
        });
        return output;
    }

    private string ImportRam(bool storeContent)
    {
        var output = _temp.Combine("ram");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Lackey,
            Inputs = [InputSpec.Parse($"A={Fixture.Path(Fixture.Lackey)}")],
            RamImages = [InputSpec.Parse($"A@start={Fixture.Path(Fixture.RamFirst64)}")],
            Output = output,
            StoreContent = storeContent,
        });
        return output;
    }

    private static string Sql(string path) => $"'{path.Replace("'", "''", StringComparison.Ordinal)}'";

    private static byte[] ReadBlob(System.Data.Common.DbDataReader reader, int column)
    {
        using var stream = reader.GetStream(column);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private T Row<T>(string sql, Func<System.Data.Common.DbDataReader, T> read) => Assert.Single(Rows(sql, read));

    private List<T> Rows<T>(string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
