using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>
/// Converts captures into one trace: streams every access input at once, merging them by (time, VM) so memory stays
/// bounded whatever the input size, then adds RAM images as page snapshots. Writes through <see cref="TraceWriter"/>,
/// so a failure leaves no output behind.
/// </summary>
public static class TraceImporter
{
    private const int BatchSize = 1 << 16;

    /// <summary>Runs the import described by <paramref name="options"/>.</summary>
    /// <exception cref="TraceInputException">An input is missing or malformed, or the output exists.</exception>
    /// <exception cref="ArgumentException">The options contradict each other (a VM named twice, ...).</exception>
    public static ImportResult Import(ImportOptions options, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = ImportPlan.Create(options);
        var sources = new List<IAccessSource>();
        try
        {
            for (var i = 0; i < plan.AccessInputs.Count; i++)
            {
                sources.Add(ImportFormats.OpenAccesses(options.Format, plan.AccessInputs[i].Path, (ushort)i));
            }

            using var writer = new TraceWriter(options.Output, options.Overwrite);
            var meter = new ProgressMeter(plan.TotalBytes, progress);
            var spans = MergeAccesses(sources, writer.Accesses, plan, meter, cancellationToken);
            var pages = 0L;
            if (plan.Images.Count > 0)
            {
                var pageWriter = writer.StartPages(options.StoreContent);
                pages = SnapshotWriter.Write(plan, spans, pageWriter, meter, cancellationToken);
            }

            writer.Commit(plan.Metadata(options, spans));
            return new ImportResult(writer.Accesses.Count, pages, plan.VmNames.Count);
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static VmSpan[] MergeAccesses(List<IAccessSource> sources, AccessWriter output, ImportPlan plan,
        ProgressMeter meter, CancellationToken cancellationToken)
    {
        var spans = new VmSpan[plan.VmNames.Count];
        var batches = sources.Select(_ => new AccessBatch(BatchSize)).ToArray();
        var next = new int[sources.Count];
        var live = new List<int>();
        for (var s = 0; s < sources.Count; s++)
        {
            if (sources[s].Read(batches[s]) > 0)
            {
                live.Add(s);
            }
        }

        while (live.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (pick, rival) = Leader(live, batches, next);
            var batch = batches[pick];
            var end = batch.Count;
            if (rival >= 0)
            {
                // Emit the leader's run up to the rival's head: ties go to the lower VM id.
                var bound = batches[rival].Time[next[rival]];
                end = next[pick];
                while (end < batch.Count && (batch.Time[end] < bound || (batch.Time[end] == bound && pick < rival)))
                {
                    end++;
                }
            }

            for (var i = next[pick]; i < end; i++)
            {
                spans[pick].Observe(plan, pick, batch, i);
                output.Add(batch.Time[i], batch.Vm[i], batch.Vcpu[i], batch.Gva[i], batch.Gpa[i], batch.Kind[i],
                    batch.Size[i], batch.Io[i]);
            }

            next[pick] = end;
            if (next[pick] == batch.Count)
            {
                next[pick] = 0;
                if (sources[pick].Read(batch) == 0)
                {
                    live.Remove(pick);
                }

                meter.Report(sources.Sum(s => s.BytesRead));
            }
        }

        meter.Complete(sources.Sum(s => s.BytesTotal));
        return spans;
    }

    /// <summary>The live source whose next access comes first, and the one after it (-1 if alone).</summary>
    private static (int Pick, int Rival) Leader(List<int> live, AccessBatch[] batches, int[] next)
    {
        int pick = -1, rival = -1;
        foreach (var s in live)
        {
            if (pick < 0 || Before(s, pick))
            {
                rival = pick;
                pick = s;
            }
            else if (rival < 0 || Before(s, rival))
            {
                rival = s;
            }
        }

        return (pick, rival);

        bool Before(int a, int b)
        {
            var ta = batches[a].Time[next[a]];
            var tb = batches[b].Time[next[b]];
            return ta < tb || (ta == tb && a < b);
        }
    }
}
