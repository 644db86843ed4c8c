using MemFw.Framework.Content.Sharing;
using MemFw.Traces.Format;
using MemFw.Traces.Inspection;

namespace MemFw.Framework.Host.Engine;

/// <summary>
/// The first page snapshot of one VM of a trace: what each of its pages held when the host run starts, for content
/// sharing, compressed sizes and a <see cref="Scenarios.HostStart.Snapshot"/> start.
/// </summary>
/// <param name="Time">The snapshot's time, in the trace's unit.</param>
/// <param name="Pages">Each page's guest frame number and content, in guest frame order.</param>
internal sealed record StartSnapshot(long Time, IReadOnlyList<(long Gfn, PageContent Content)> Pages)
{
    /// <summary>
    /// Reads the earliest snapshot of VM <paramref name="vm"/> of <paramref name="trace"/>, bytes included where the
    /// trace stores them; null when the trace has no snapshot of the VM.
    /// </summary>
    /// <exception cref="TraceInputException">
    /// A row is out of (time, VM, gfn) order, or a row of the VM has a content that is not its hash's or zero flag's.
    /// </exception>
    public static StartSnapshot? Read(Trace trace, int vm)
    {
        if (!trace.HasPages)
        {
            return null;
        }

        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        long? time = null;
        var pages = new List<(long, PageContent)>();
        (long Time, int Vm, ulong Gfn)? last = null;
        while (reader.Read(batch) > 0)
        {
            for (var row = 0; row < batch.Count; row++)
            {
                if (time is { } t && batch.Time[row] > t)
                {
                    return new StartSnapshot(t, pages);
                }

                var key = (batch.Time[row], (int)batch.Vm[row], batch.Gfn[row]);
                PageRowRules.Require(reader.Path, reader.BatchStartRow + row, PageRowRules.Order(last, key));
                last = key;
                if (batch.Vm[row] == vm)
                {
                    PageRowRules.Require(reader.Path, reader.BatchStartRow + row,
                        PageRowRules.Content(batch.Hash[row], batch.Zero[row], batch.Content[row]));
                    time = batch.Time[row];
                    pages.Add(((long)batch.Gfn[row],
                        new PageContent(batch.Hash[row], batch.Zero[row], batch.Content[row])));
                }
            }
        }

        return time is { } end ? new StartSnapshot(end, pages) : null;
    }
}
