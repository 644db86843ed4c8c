using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>
/// Writes part of a trace as a new valid trace: accesses by row range, time range and VM; page snapshots of the kept
/// VMs that fall inside the kept time span, with all, some or none of their bytes (<see cref="SliceContent"/>);
/// metadata of the kept VMs with dense new ids.
/// </summary>
public static class TraceSlicer
{
    /// <summary>Writes the part of <paramref name="source"/> chosen by <paramref name="options"/> to <paramref name="output"/>.</summary>
    /// <returns>Accesses and page rows written.</returns>
    /// <exception cref="ArgumentException">A VM is unknown or a range is empty or reversed.</exception>
    public static (long Accesses, long Pages) Slice(Trace source, string output, SliceOptions options,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        CheckRange("--rows", options.RowStart, options.RowEnd);
        CheckRange("--time", options.TimeStart, options.TimeEnd);
        var newId = MapVms(source, options.Vms);
        using var writer = new TraceWriter(output, options.Overwrite);
        var touched = options.Content == SliceContent.Touched ? new HashSet<(int Vm, ulong Gfn)>() : null;
        var (firstTime, lastTime) = CopyAccesses(source, writer.Accesses, options, newId, touched, progress);
        var pages = 0L;
        if (source.HasPages)
        {
            // A snapshot at T shows memory before the accesses at T, so one at lastTime + 1 still brackets the slice.
            var from = options.TimeStart ?? (options.RowStart is null ? long.MinValue : firstTime ?? long.MaxValue);
            var to = options.TimeEnd ?? (options.RowEnd is null ? long.MaxValue : (lastTime ?? long.MinValue) + 1);
            pages = CopyPages(source, writer, new KeptSnapshots(newId, from, to), options.Content, touched);
        }

        var kept = source.Metadata.Vms.Where(v => newId[v.Id] >= 0).Select(v => v with { Id = newId[v.Id] }).ToList();
        var description = $"slice of {Path.GetFileName(source.Path.TrimEnd('/'))} ({options.Describe()})";
        writer.Commit(source.Metadata with
        {
            Vms = kept,
            Description = source.Metadata.Description is { } d ? $"{d}; {description}" : description,
        });
        return (writer.Accesses.Count, pages);
    }

    private static void CheckRange(string option, long? start, long? end)
    {
        if (start < 0 || (start is { } s && end is { } e && e < s))
        {
            throw new ArgumentException($"{option}: expected 0 <= START <= END, found {start}:{end}", nameof(start));
        }
    }

    private static int[] MapVms(Trace source, IReadOnlyList<string> vms)
    {
        var all = source.Metadata.Vms;
        var newId = new int[all.Count];
        if (vms.Count == 0)
        {
            return [.. Enumerable.Range(0, all.Count)];
        }

        Array.Fill(newId, -1);
        foreach (var name in vms)
        {
            var vm = source.FindVm(name) ?? throw new ArgumentException(
                $"--vm: no VM '{name}' in {source.Path}; it has {string.Join(", ", all.Select(v => v.Name))}",
                nameof(vms));
            newId[vm.Id] = 0;
        }

        var next = 0;
        for (var i = 0; i < newId.Length; i++)
        {
            if (newId[i] == 0)
            {
                newId[i] = next++;
            }
        }

        return newId;
    }

    private static (long? First, long? Last) CopyAccesses(Trace source, AccessWriter output, SliceOptions options,
        int[] newId, HashSet<(int Vm, ulong Gfn)>? touched, IProgress<double>? progress)
    {
        using var reader = source.OpenAccesses(AccessColumns.All);
        var batch = new AccessBatch();
        long? first = null, last = null;
        var rowStart = options.RowStart ?? 0;
        var rowEnd = options.RowEnd ?? long.MaxValue;
        var timeStart = options.TimeStart ?? long.MinValue;
        var timeEnd = options.TimeEnd ?? long.MaxValue;
        while (reader.RowsRead < rowEnd && reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = reader.BatchStartRow + i;
                var time = batch.Time[i];
                var vm = batch.Vm[i] < newId.Length ? newId[batch.Vm[i]] : -1;
                if (row < rowStart || row >= rowEnd || time < timeStart || time >= timeEnd || vm < 0)
                {
                    continue;
                }

                if (touched is not null && !batch.Io[i])
                {
                    touched.Add((vm, batch.Gpa[i] >> TraceFormat.PageShift));
                }

                first ??= time;
                last = time;
                output.Add(time, (ushort)vm, batch.Vcpu[i], batch.Gva[i], batch.Gpa[i], batch.Kind[i], batch.Size[i],
                    batch.Io[i]);
            }

            progress?.Report((double)reader.RowsRead / Math.Max(1, Math.Min(rowEnd, reader.RowCount)));
        }

        return (first, last);
    }

    /// <summary>
    /// Copies the rows of the kept snapshots. With <paramref name="touched"/> (the (new VM, gfn) pages the kept
    /// accesses touch), a row keeps its bytes only if its hash is the hash of a kept row of a touched page.
    /// </summary>
    private static long CopyPages(Trace source, TraceWriter writer, KeptSnapshots kept, SliceContent content,
        HashSet<(int Vm, ulong Gfn)>? touched)
    {
        var keepBytes = touched is null ? null : TouchedHashes(source, kept, touched);
        var withBytes = content != SliceContent.None;
        using var reader = source.OpenPages(readContent: withBytes);
        var output = writer.StartPages(storeContent: withBytes);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var vm = kept.NewVm(batch, i);
                if (vm >= 0)
                {
                    var bytes = keepBytes is null || keepBytes.Contains(batch.Hash[i]) ? batch.Content[i] : null;
                    output.Add((ushort)vm, batch.Time[i], batch.Gfn[i], batch.Hash[i], batch.Zero[i], bytes);
                }
            }
        }

        return output.Count;
    }

    /// <summary>The hashes of the kept page rows whose (new VM, gfn) is in <paramref name="touched"/>.</summary>
    private static HashSet<ulong> TouchedHashes(Trace source, KeptSnapshots kept, HashSet<(int Vm, ulong Gfn)> touched)
    {
        var hashes = new HashSet<ulong>();
        using var reader = source.OpenPages(readContent: false);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var vm = kept.NewVm(batch, i);
                if (vm >= 0 && touched.Contains((vm, batch.Gfn[i])))
                {
                    hashes.Add(batch.Hash[i]);
                }
            }
        }

        return hashes;
    }

    /// <summary>Which page rows a slice keeps: those of kept VMs with a time in [<c>From</c>, <c>To</c>].</summary>
    private readonly record struct KeptSnapshots(int[] NewId, long From, long To)
    {
        /// <summary>The new VM id of row <paramref name="i"/>, or -1 when the row is not kept.</summary>
        public int NewVm(PageBatch batch, int i)
        {
            var vm = batch.Vm[i] < NewId.Length ? NewId[batch.Vm[i]] : -1;
            return vm >= 0 && batch.Time[i] >= From && batch.Time[i] <= To ? vm : -1;
        }
    }
}
