using static System.FormattableString;
using MemFw.Traces.Format;
using MemFw.Traces.Inspection;

namespace MemFw.Cli.Output;

/// <summary>The human-readable form of <c>memfw trace info</c>.</summary>
internal static class TraceSummaryText
{
    /// <summary>Writes <paramref name="summary"/> of <paramref name="trace"/> as aligned text.</summary>
    public static void Write(TextWriter output, Trace trace, TraceSummary summary)
    {
        Line(output, $"trace          {trace.Path}");
        Line(output, $"format         version {summary.FormatVersion}, time unit {Unit(summary.TimeUnit)}");
        if (trace.Metadata.Description is { } description)
        {
            Line(output, $"description    {description}");
        }

        WriteCounts(output, "all VMs", summary);
        foreach (var vm in summary.Vms)
        {
            var ram = vm.RamBytes is { } bytes ? $"{bytes / (1024.0 * 1024):0.#} MiB RAM" : "RAM unknown";
            var mode = vm.AddressMode == AddressMode.Identity ? ", identity-mapped (gva = gpa)" : "";
            output.WriteLine();
            Line(output, $"vm {vm.Id} '{vm.Name}': {ram}, {vm.Vcpus} vCPU{mode}");
            WriteCounts(output, vm.Name, vm);
        }

        if (summary.PageContents is { } pages)
        {
            output.WriteLine();
            Line(output,
                $"page contents  {pages.Snapshots} snapshot(s), {pages.Pages:N0} pages, {pages.ZeroPages:N0} zero, {pages.DuplicatePages:N0} duplicate, {pages.PagesWithContent:N0} with bytes stored");
            Line(output, $"  {"vm",-12} {"time",14} {"pages",10} {"zero",10} {"duplicate",10} {"bytes kept",10}");
            foreach (var s in pages.PerSnapshot)
            {
                Line(output,
                    $"  {summary.Vms[s.Vm].Name,-12} {s.Time,14} {s.Pages,10:N0} {s.ZeroPages,10:N0} {s.DuplicatePages,10:N0} {s.PagesWithContent,10:N0}");
            }
        }
    }

    private static void WriteCounts(TextWriter output, string label, AccessCounts counts)
    {
        Line(output,
            $"  accesses     {counts.Accesses:N0} ({counts.Reads:N0} reads, {counts.Writes:N0} writes, {counts.Fetches:N0} fetches; {counts.IoAccesses:N0} I/O)");
        output.WriteLine(counts.TimeFirst is { } first
            ? Invariant($"  time span    {first} .. {counts.TimeLast}")
            : "  time span    none");
        Line(output,
            $"  footprint    {counts.DistinctPages:N0} distinct 4 KiB pages, {counts.FootprintMib:0.00} MiB ({label})");
    }

    private static string Unit(TimeUnit unit) => unit == TimeUnit.Ordinal ? "ordinal (no clock)" : "ns";

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(Invariant(text));
}
