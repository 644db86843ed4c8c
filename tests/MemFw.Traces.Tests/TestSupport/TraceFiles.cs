using MemFw.Traces.Format;

namespace MemFw.Traces.Tests.TestSupport;

/// <summary>A page row of pages.parquet as the tests compare it.</summary>
public sealed record PageRow(ushort Vm, long Time, ulong Gfn, ulong Hash, bool Zero, byte[]? Content);

/// <summary>Reads a written trace's tables back into lists, through the library's public readers.</summary>
public static class TraceFiles
{
    /// <summary>Every access row of the trace folder <paramref name="path"/>, in file order.</summary>
    public static List<Access> ReadAccesses(string path)
    {
        var trace = Trace.Open(path);
        using var reader = trace.OpenAccesses(AccessColumns.All);
        var batch = new AccessBatch(1000);
        var rows = new List<Access>();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add(new Access(batch.Time[i], batch.Vm[i], batch.Vcpu[i], batch.Gva[i], batch.Gpa[i],
                    (byte)batch.Kind[i], batch.Size[i], batch.Io[i]));
            }
        }

        return rows;
    }

    /// <summary>Every page row of the trace folder <paramref name="path"/>, in file order.</summary>
    public static List<PageRow> ReadPages(string path)
    {
        var trace = Trace.Open(path);
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        var rows = new List<PageRow>();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add(new PageRow(batch.Vm[i], batch.Time[i], batch.Gfn[i], batch.Hash[i], batch.Zero[i],
                    batch.Content[i]));
            }
        }

        return rows;
    }
}
