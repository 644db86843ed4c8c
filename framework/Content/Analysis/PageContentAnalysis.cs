using MemFw.Framework.Content.Patching;
using MemFw.Traces.Format;
using MemFw.Traces.Inspection;

namespace MemFw.Framework.Content.Analysis;

/// <summary>
/// Measures what full-page sharing (within and across VMs), the zero-page hack and Difference Engine's patching would
/// save on the snapshots of a trace's page-contents table, one snapshot time at a time.
/// </summary>
/// <remarks>
/// <para>
/// At each snapshot time the pages of every VM in scope are reduced to the frames sharing leaves
/// (<see cref="ContentFigures"/> says what each count is); where every non-zero page's bytes are stored, those
/// frames are then planned for patching with <see cref="PatchPlanner"/> over the whole host, every frame treated as
/// cold (a snapshot carries no access bits), so the patch figures are what patching could reach at most.
/// Equal contents are found by XXH3-64 hash and confirmed by comparing bytes where both pages' bytes are stored;
/// where they are not (hash-only traces), hash equality stands in for the comparison.
/// </para>
/// <para>
/// The table is read once, in streaming order, and checked as it is read: rows out of (time, vm, gfn) order, unknown
/// VMs, frames beyond a VM's RAM, stored contents that are not 4096 bytes or do not hash to the row's hash stop the
/// analysis with a <see cref="TraceInputException"/> naming the file and row (the rules of
/// <see cref="PageRowRules"/>, which <c>memfw trace validate</c> applies too). Memory holds the distinct contents of
/// one snapshot time.
/// </para>
/// </remarks>
public static class PageContentAnalysis
{
    /// <summary>Analyses the page-contents table of <paramref name="trace"/>.</summary>
    /// <param name="trace">The opened trace.</param>
    /// <param name="options">Which VMs, and how pages are patched.</param>
    /// <param name="progress">Receives the fraction of page rows read, 0 to 1.</param>
    /// <exception cref="TraceInputException">The trace has no page-contents table, or a row breaks it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options name a VM the trace does not have.</exception>
    public static PageContentReport Analyze(Trace trace, ContentAnalysisOptions options,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(options);
        var vms = trace.Metadata.Vms;
        if (options.Vm is { } only)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(only, vms.Count, "vm");
        }

        if (!trace.HasPages)
        {
            throw new TraceInputException(trace.PagesPath, "",
                "file not found: the trace holds no page contents (import RAM images to add them)");
        }

        var planner = new PatchPlanner(options.Patching);
        var snapshots = new List<SnapshotFigures>();
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        HostSnapshot? snapshot = null;
        (long Time, int Vm, ulong Gfn)? last = null;
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = reader.BatchStartRow + i;
                var (time, vm) = (batch.Time[i], (int)batch.Vm[i]);
                var key = (time, vm, batch.Gfn[i]);
                PageRowRules.Require(reader.Path, row, PageRowRules.Order(last, key));
                last = key;
                PageRowRules.Require(reader.Path, row, PageRowRules.VmId(vm, vms.Count));
                PageRowRules.Require(reader.Path, row, PageRowRules.Gfn(batch.Gfn[i], vms[vm]));
                PageRowRules.Require(reader.Path, row, PageRowRules.Content(batch.Hash[i], batch.Zero[i], batch.Content[i]));
                if (snapshot?.Time != time)
                {
                    Close(snapshot, planner, options.Codecs, snapshots);
                    snapshot = new HostSnapshot(time, vms);
                }

                if (options.Vm is null || options.Vm == vm)
                {
                    snapshot.Add(vm, batch.Hash[i], batch.Zero[i], batch.Content[i]);
                }
            }

            progress?.Report((double)reader.RowsRead / Math.Max(1, reader.RowCount));
        }

        Close(snapshot, planner, options.Codecs, snapshots);
        return new PageContentReport { Patching = options.Patching, Snapshots = snapshots };
    }

    private static void Close(HostSnapshot? snapshot, PatchPlanner planner, IReadOnlyList<NamedCodec> codecs,
        List<SnapshotFigures> snapshots)
    {
        if (snapshot is { IsEmpty: false })
        {
            snapshots.Add(snapshot.Figures(planner, codecs));
        }
    }
}
