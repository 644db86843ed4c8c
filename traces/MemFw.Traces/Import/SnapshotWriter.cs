using MemFw.Traces.Format;

namespace MemFw.Traces.Import;

/// <summary>
/// Writes RAM images into the page-contents table: one row per 4 KiB page, images ordered by (time, VM) so rows
/// come sorted by (time, vm, gfn) as the format requires.
/// </summary>
internal static class SnapshotWriter
{
    /// <summary>Writes every image of <paramref name="plan"/> and records each VM's RAM size.</summary>
    /// <returns>Page rows written.</returns>
    /// <exception cref="TraceInputException">An image is not a whole number of pages, or a snapshot repeats.</exception>
    public static long Write(ImportPlan plan, VmSpan[] spans, PageWriter output, ProgressMeter meter,
        CancellationToken cancellationToken)
    {
        var ordered = plan.Images
            .Select((i, k) => (i.Spec, i.Vm, Time: spans[i.Vm].Resolve(plan.SnapshotTimeOf(k))))
            .OrderBy(i => i.Time).ThenBy(i => i.Vm)
            .ToList();
        for (var k = 1; k < ordered.Count; k++)
        {
            if (ordered[k].Time == ordered[k - 1].Time && ordered[k].Vm == ordered[k - 1].Vm)
            {
                throw new TraceInputException(ordered[k].Spec.Path, "",
                    $"VM '{plan.VmNames[ordered[k].Vm]}' already has a snapshot at time {ordered[k].Time} " +
                    $"({ordered[k - 1].Spec.Path}); give each image its own time as VM@TIME=PATH");
            }
        }

        var pages = 0L;
        var page = new byte[TraceFormat.PageSize];
        foreach (var (spec, vm, time) in ordered)
        {
            using var file = CaptureFile.Open(spec.Path);
            var gfn = 0UL;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offset = (long)gfn * TraceFormat.PageSize;
                var n = file.Read(page, offset);
                if (n == 0)
                {
                    break;
                }

                if (n < page.Length)
                {
                    throw new TraceInputException(spec.Path, $"byte offset {offset}",
                        $"truncated page: expected {TraceFormat.PageSize} bytes, found {n} " +
                        "(a RAM image is a whole number of 4 KiB pages)");
                }

                output.AddPage((ushort)vm, time, gfn++, page);
                meter.Report(file.Position);
            }

            var bytes = (long)gfn * TraceFormat.PageSize;
            if (plan.ImageRamBytes[vm] is { } earlier && earlier != bytes)
            {
                throw new TraceInputException(spec.Path, "",
                    $"expected {earlier} bytes like the VM's other images, found {bytes}");
            }

            plan.ImageRamBytes[vm] = bytes;
            pages += (long)gfn;
            meter.Complete(file.Length);
        }

        return pages;
    }
}
