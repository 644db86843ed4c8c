using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Sharing;

/// <summary>Reads snapshots from a trace's page-contents table into a <see cref="SharingSpace"/>.</summary>
/// <remarks>
/// A snapshot is every row of one (VM, time) of <c>pages.parquet</c>, which is sorted by (time, VM, gfn), so a load
/// stops reading at the first row past its time. Pages a snapshot does not hold keep their state.
/// </remarks>
public static class SnapshotLoader
{
    /// <summary>Every snapshot time of <paramref name="trace"/>, ascending; empty without page contents.</summary>
    public static IReadOnlyList<long> Times(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (!trace.HasPages)
        {
            return [];
        }

        var times = new SortedSet<long>();
        using var reader = trace.OpenPages(readContent: false);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0)
        {
            foreach (var time in batch.Time)
            {
                times.Add(time);
            }
        }

        return [.. times];
    }

    /// <summary>
    /// Loads the snapshots taken at <paramref name="time"/> (of every VM, or of VM <paramref name="vm"/> only) into
    /// <paramref name="space"/>.
    /// </summary>
    /// <param name="space">The space to update.</param>
    /// <param name="trace">The trace.</param>
    /// <param name="time">The snapshot time.</param>
    /// <param name="readContent">Whether to read the pages' bytes (full compares) or hashes only.</param>
    /// <param name="vm">One VM id, or <see langword="null"/> for all.</param>
    /// <returns>What the load did; all zero when the trace has no such snapshot.</returns>
    public static SnapshotLoad Load(SharingSpace space, Trace trace, long time, bool readContent, int? vm = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trace);
        var load = default(SnapshotLoad);
        if (!trace.HasPages)
        {
            return load;
        }

        using var reader = trace.OpenPages(readContent);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0 && batch.Time[0] <= time)
        {
            for (var row = 0; row < batch.Count; row++)
            {
                if (batch.Time[row] == time && (vm is null || batch.Vm[row] == vm))
                {
                    var content = new PageContent(batch.Hash[row], batch.Zero[row], batch.Content[row]);
                    load = load.With(space.SetContent(batch.Vm[row], batch.Gfn[row], content));
                }
            }
        }

        return load;
    }
}
