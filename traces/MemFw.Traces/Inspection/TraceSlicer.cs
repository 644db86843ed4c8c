using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>
/// Writes part of a trace as a new valid trace: accesses by row range, time range and VM; page snapshots of the kept
/// VMs that fall inside the kept time span; metadata of the kept VMs with dense new ids.
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
        var (firstTime, lastTime) = CopyAccesses(source, writer.Accesses, options, newId, progress);
        var pages = 0L;
        if (source.HasPages)
        {
            // A snapshot at T shows memory before the accesses at T, so one at lastTime + 1 still brackets the slice.
            var from = options.TimeStart ?? (options.RowStart is null ? long.MinValue : firstTime ?? long.MaxValue);
            var to = options.TimeEnd ?? (options.RowEnd is null ? long.MaxValue : (lastTime ?? long.MinValue) + 1);
            pages = CopyPages(source, writer, newId, from, to);
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
        int[] newId, IProgress<double>? progress)
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

                first ??= time;
                last = time;
                output.Add(time, (ushort)vm, batch.Vcpu[i], batch.Gva[i], batch.Gpa[i], batch.Kind[i], batch.Size[i],
                    batch.Io[i]);
            }

            progress?.Report((double)reader.RowsRead / Math.Max(1, Math.Min(rowEnd, reader.RowCount)));
        }

        return (first, last);
    }

    private static long CopyPages(Trace source, TraceWriter writer, int[] newId, long from, long to)
    {
        using var reader = source.OpenPages(readContent: true);
        var output = writer.StartPages(storeContent: true);
        var batch = new PageBatch();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var vm = batch.Vm[i] < newId.Length ? newId[batch.Vm[i]] : -1;
                if (vm >= 0 && batch.Time[i] >= from && batch.Time[i] <= to)
                {
                    output.Add((ushort)vm, batch.Time[i], batch.Gfn[i], batch.Hash[i], batch.Zero[i], batch.Content[i]);
                }
            }
        }

        return output.Count;
    }
}
