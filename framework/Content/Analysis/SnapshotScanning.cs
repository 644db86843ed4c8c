using MemFw.Framework.Content.Sharing;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Analysis;

/// <summary>
/// What sharing scanners actually save on a trace's snapshots within a scan time, beside the ideal: each snapshot
/// time's pages (of every VM, or of one) are loaded into a fresh <see cref="SharingSpace"/> with the zero-page hack on,
/// and each scanner, made fresh, runs as many whole periods as fit in the scan time.
/// </summary>
public static class SnapshotScanning
{
    /// <summary>Runs <paramref name="scanners"/> on every snapshot time of <paramref name="trace"/>.</summary>
    /// <param name="trace">The opened trace, with a page-contents table.</param>
    /// <param name="scanners">The scanners, each made once per snapshot time.</param>
    /// <param name="scanTime">How long each scanner runs on each snapshot.</param>
    /// <param name="vm">One VM id, as if alone on the host, or <see langword="null"/> for all.</param>
    /// <param name="progress">Receives the fraction of snapshot times done, 0 to 1.</param>
    /// <returns>One entry per snapshot time with pages in scope, in time order.</returns>
    /// <exception cref="TraceInputException">The trace has no page-contents table.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scanTime"/> is negative.</exception>
    public static IReadOnlyList<ScanFigures> Run(Trace trace, IReadOnlyList<NamedScanner> scanners, TimeSpan scanTime,
        int? vm = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(scanners);
        ArgumentOutOfRangeException.ThrowIfLessThan(scanTime, TimeSpan.Zero);
        if (!trace.HasPages)
        {
            throw new TraceInputException(trace.PagesPath, "",
                "file not found: the trace holds no page contents (import RAM images to add them)");
        }

        var results = new List<ScanFigures>();
        var times = SnapshotLoader.Times(trace);
        for (var t = 0; t < times.Count; t++)
        {
            var time = times[t];
            var rows = Rows(trace, time, vm);
            if (rows.Count > 0)
            {
                var settings = new SharingSettings { ZeroPageSharing = true };
                var start = Space(settings, rows);
                var (loaded, ideal) = (start.Counters, IdealSharing.Counters(start));
                var saved = new Dictionary<string, long>();
                for (var s = 0; s < scanners.Count; s++)
                {
                    var scanner = scanners[s];
                    var space = s == 0 ? start : Space(settings, rows);
                    var run = SharingSimulation.Run(space, scanner.Create(), scanTime);
                    saved[scanner.Name] = run.Periods.Count == 0 ? run.Start.Saved : run.Periods[^1].Space.Saved;
                }

                results.Add(new ScanFigures
                {
                    Time = time,
                    Pages = loaded.Pages,
                    SavedAtLoad = loaded.Saved,
                    Saved = saved,
                    SavedIdeal = ideal.Saved,
                });
            }

            progress?.Report((t + 1.0) / times.Count);
        }

        return results;
    }

    private static List<(int Vm, ulong Gfn, PageContent Content)> Rows(Trace trace, long time, int? vm)
    {
        var rows = new List<(int, ulong, PageContent)>();
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0 && batch.Time[0] <= time)
        {
            for (var row = 0; row < batch.Count; row++)
            {
                if (batch.Time[row] == time && (vm is null || batch.Vm[row] == vm))
                {
                    rows.Add(((int)batch.Vm[row], batch.Gfn[row],
                        new PageContent(batch.Hash[row], batch.Zero[row], batch.Content[row])));
                }
            }
        }

        return rows;
    }

    private static SharingSpace Space(SharingSettings settings, List<(int Vm, ulong Gfn, PageContent Content)> rows)
    {
        var space = new SharingSpace(settings);
        foreach (var (vm, gfn, content) in rows)
        {
            space.SetContent(vm, gfn, content);
        }

        return space;
    }
}
