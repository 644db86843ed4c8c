using static System.FormattableString;
using MemFw.Framework.Content.Analysis;

namespace MemFw.Cli.Output;

/// <summary>
/// The human-readable form of <c>memfw pages</c>: how the figures were made, then one row per VM and time.
/// </summary>
internal static class PageContentText
{
    private const string NotAvailable = "n/a";

    /// <summary>
    /// The table: a row per VM per snapshot time, and a host row per time when several VMs are in scope.
    /// </summary>
    private static ResultTable Table(PageContentReport report)
    {
        var codecs = Codecs(report);
        var table = new ResultTable([
            ("time", "time"), ("vm", "vm"), ("pages", "pages"), ("zero_pages", "zero"),
            ("shared_within_vm", "shared in VM"), ("shared_across_vms", "shared across VMs"),
            ("frames", "frames shared"), ("patched_pages", "patched"), ("mean_patch_bytes", "mean patch B"),
            ("median_patch_bytes", "median patch B"), ("frames_with_patching", "frames patched"), ("saving", "saving"),
            .. codecs.Select(c => ($"ratio_{c}", $"{c} ratio")),
        ]);
        foreach (var snapshot in report.Snapshots)
        {
            var rows = snapshot.Vms.Count > 1 ? [.. snapshot.Vms, snapshot.Host] : snapshot.Vms;
            foreach (var f in rows)
            {
                table.Add([
                    snapshot.Time, f.Vm ?? "all", f.Pages, f.ZeroPages, f.SharedWithinVm, f.SharedAcrossVms,
                    f.Frames, Cell(f.PatchedPages), Cell(f.MeanPatchBytes), Cell(f.MedianPatchBytes),
                    Cell(f.FramesWithPatching), f.Saving, .. codecs.Select(c => Ratio(f.CompressionRatios[c])),
                ]);
            }
        }

        return table;
    }

    /// <summary>The scanner table: a row per snapshot time, the host's pages (or the one VM's).</summary>
    private static ResultTable ScannerTable(ScanningReport scanning)
    {
        var table = new ResultTable([
            ("time", "time"), ("pages", "pages"), ("saved_zero", "zero hack"),
            .. scanning.Scanners.Select(s => ($"saved_{s}", $"{s} saved")), ("saved_ideal", "ideal saved"),
        ]);
        foreach (var f in scanning.Snapshots)
        {
            table.Add([f.Time, f.Pages, f.SavedAtLoad, .. scanning.Scanners.Select(s => (object)f.Saved[s]),
                f.SavedIdeal]);
        }

        return table;
    }

    /// <summary>Writes the header lines and the table.</summary>
    public static void Write(TextWriter output, PageContentReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var (similarity, cutoff) = (report.Patching.Similarity, report.Patching.CutoffBytes);
        output.WriteLine(Invariant(
            $"page contents: {report.Snapshots.Count} snapshot time(s); pages and frames are 4 KiB"));
        output.WriteLine("sharing: equal contents share one frame (bytes compared where stored, XXH3-64 hashes where "
            + "not); zero pages take no frame");
        var (k, s) = (similarity.Groups, similarity.BlocksPerGroup);
        output.WriteLine(Invariant($"patching: Difference Engine, similarity ({k}, {s}) seed {similarity.Seed}, ")
            + Invariant($"patches up to {cutoff:N0} B, every page treated as cold"));
        if (Codecs(report).Count > 0)
        {
            output.WriteLine("compression: ratio = bytes in / bytes out over the distinct non-zero contents (one copy "
                + "each, what sharing leaves: a VM's own, the host's frames)");
        }

        if (report.Snapshots.Any(s => s.Host.PatchedPages is null))
        {
            output.WriteLine($"{NotAvailable}: a snapshot without the bytes of every non-zero page (hash-only) cannot "
                + "be patched or compressed");
        }

        output.WriteLine();
        Table(report).Write(output, TableFormat.Table);
        if (report.Scanning is { } scanning)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"sharing scanners: frames saved after {scanning.ScanTimeSeconds:0.###} s of ")
                + "scanning each snapshot time (all VMs in scope on one host, zero-page hack on), beside the zero "
                + "hack alone and the ideal");
            output.WriteLine();
            ScannerTable(scanning).Write(output, TableFormat.Table);
        }
    }

    private static List<string> Codecs(PageContentReport report) =>
        report.Snapshots.Count == 0 ? [] : [.. report.Snapshots[0].Host.CompressionRatios.Keys];

    private static string Ratio(double? value) => value is { } v ? Invariant($"{v:0.00}") : NotAvailable;

    private static object Cell(long? value) => value is { } v ? v : NotAvailable;

    private static object Cell(double? value) =>
        value is { } v ? (long)Math.Round(v, MidpointRounding.AwayFromZero) : NotAvailable;
}
