using MemFw.Framework.Content.Compression;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Migration;

/// <summary>One VM's snapshot as a migration's first round sends it: each page's bytes on the wire.</summary>
internal sealed class SnapshotCopy
{
    private SnapshotCopy()
    {
    }

    /// <summary>Each page's bytes when sent in full (header plus compressed content; a whole page when unknown).</summary>
    public Dictionary<ulong, int> PageBytes { get; } = [];

    /// <summary>The first round's bytes: zero pages and references small, first copies of a content in full.</summary>
    public long FirstRoundBytes { get; private set; }

    /// <summary>Zero pages.</summary>
    public long ZeroPages { get; private set; }

    /// <summary>Pages whose content an earlier page of the snapshot has.</summary>
    public long DuplicatePages { get; private set; }

    /// <summary>Distinct non-zero contents the trace holds only the hash of: each is sent whole, once.</summary>
    public long PagesWithoutContent { get; private set; }

    /// <summary>The bytes of a page written after the snapshot: its snapshot content's size, a whole page if unknown.</summary>
    public int DirtyBytes(ulong gfn) => PageBytes.TryGetValue(gfn, out var bytes) ? bytes : WholePage;

    private static int WholePage => MigrationSettings.PageHeaderBytes + TraceFormat.PageSize;

    /// <summary>Reads VM <paramref name="vm"/>'s rows at <paramref name="time"/> and sizes them with <paramref name="codec"/>.</summary>
    public static SnapshotCopy Read(Trace trace, int vm, long time, ICompressionCodec? codec)
    {
        if (!trace.HasPages)
        {
            throw new TraceInputException(trace.Path, "", "expected a page-contents table (pages.parquet) to migrate from");
        }

        var copy = new SnapshotCopy();
        var sent = new HashSet<ulong>();
        var compressedSize = new Dictionary<ulong, int>();
        var buffer = codec is null ? [] : new byte[codec.MaxCompressedLength(TraceFormat.PageSize)];
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Vm[i] != vm || batch.Time[i] != time)
                {
                    continue;
                }

                var (gfn, hash, zero, content) = (batch.Gfn[i], batch.Hash[i], batch.Zero[i], batch.Content[i]);
                int full;
                if (zero)
                {
                    copy.ZeroPages++;
                    full = WholePage;
                    copy.FirstRoundBytes += MigrationSettings.ZeroPageBytes;
                }
                else
                {
                    if (!compressedSize.TryGetValue(hash, out full))
                    {
                        copy.PagesWithoutContent += content is null ? 1 : 0;
                        full = content is null || codec is null
                            ? WholePage
                            : MigrationSettings.PageHeaderBytes + codec.Compress(content, buffer);
                        compressedSize[hash] = full;
                    }

                    if (sent.Add(hash))
                    {
                        copy.FirstRoundBytes += full;
                    }
                    else
                    {
                        copy.DuplicatePages++;
                        copy.FirstRoundBytes += MigrationSettings.ReferenceBytes;
                    }
                }

                copy.PageBytes[gfn] = full;
            }
        }

        if (copy.PageBytes.Count == 0)
        {
            throw new TraceInputException(trace.PagesPath, "", $"expected a snapshot of VM {vm} at time {time}; "
                + $"the table has none (times: {string.Join(", ", Sharing.SnapshotLoader.Times(trace))})");
        }

        return copy;
    }
}
