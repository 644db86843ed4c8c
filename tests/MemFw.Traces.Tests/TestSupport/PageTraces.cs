using System.IO.Hashing;
using MemFw.Traces.Format;

namespace MemFw.Traces.Tests.TestSupport;

/// <summary>
/// Writes small traces of RAM snapshots (page rows, and accesses when given) with the format's writers, every row
/// exactly as given, broken ones included.
/// </summary>
public static class PageTraces
{
    /// <summary>The row of <paramref name="content"/>: its XXH3-64, zero flag, and bytes unless all zero.</summary>
    public static PageRow Row(int vm, long time, ulong gfn, byte[] content)
    {
        var zero = content.All(b => b == 0);
        return new PageRow((ushort)vm, time, gfn, XxHash3.HashToUInt64(content), zero, zero ? null : content);
    }

    /// <summary>Writes the trace folder <paramref name="path"/> of VMs named <paramref name="vms"/>.</summary>
    /// <param name="path">The trace folder to create.</param>
    /// <param name="vms">The VMs' names.</param>
    /// <param name="rows">The page rows, written in this order.</param>
    /// <param name="storeContent">Whether to keep the rows' bytes, or only their hashes.</param>
    /// <param name="accesses">The access rows, written in this order; none when omitted.</param>
    /// <param name="mode">The address mode of every VM.</param>
    public static string Write(string path, IReadOnlyList<string> vms, IEnumerable<PageRow> rows,
        bool storeContent = true, IEnumerable<Access>? accesses = null, AddressMode mode = AddressMode.Translated)
    {
        using var writer = new TraceWriter(path, overwrite: false);
        foreach (var a in accesses ?? [])
        {
            writer.Accesses.Add(a.Time, a.Vm, a.Vcpu, a.Gva, a.Gpa, (AccessKind)a.Kind, a.Size, a.Io);
        }

        var pages = writer.StartPages(storeContent);
        foreach (var p in rows)
        {
            pages.Add(p.Vm, p.Time, p.Gfn, p.Hash, p.Zero, p.Content);
        }

        writer.Commit(new TraceMetadata
        {
            FormatVersion = TraceFormat.Version,
            TimeUnit = TimeUnit.Ordinal,
            CreatedBy = "MemFw tests",
            Vms =
            [
                .. vms.Select((name, id) =>
                    new VmDescriptor { Id = id, Name = name, AddressMode = mode }),
            ],
        });
        return path;
    }
}
