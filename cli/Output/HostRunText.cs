using System.Globalization;
using MemFw.Framework.Host;
using MemFw.Framework.Host.Engine;

namespace MemFw.Cli.Output;

/// <summary>The per-VM table and host summary of <c>memfw run</c>, for people, CSV or Markdown.</summary>
internal static class HostRunText
{
    /// <summary>The per-VM table of <paramref name="result"/> (sizes in pages, stall in milliseconds).</summary>
    public static ResultTable VmTable(HostRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable([
            ("vm", "vm"), ("accesses", "accesses"), ("touched", "touched"), ("granted", "granted"),
            ("peak_granted", "peak"), ("active", "active"), ("ballooned", "ballooned"), ("swapped", "swapped"),
            ("guest_swapped", "guest swapped"), ("faults", "faults"), ("swap_ins", "swap-ins"),
            ("guest_swap_ins", "guest swap-ins"), ("double_paging", "double paging"), ("shared", "shared"),
            ("zero", "zero"), ("cow", "cow breaks"), ("stall_us", "stall µs"), ("slowdown", "slowdown"),
        ]);
        foreach (var vm in result.Vms)
        {
            table.Add(vm.Name, vm.Accesses, vm.Touched, vm.Granted, vm.PeakGranted, vm.Active, vm.Ballooned,
                vm.Swapped, vm.GuestSwapped, vm.Faults, vm.SwapIns, vm.GuestSwapIns, vm.DoublePaging, vm.Shared,
                vm.Zero, vm.CopyOnWrites, (long)Math.Round(vm.StallMicroseconds), Math.Round(vm.Slowdown, 3));
        }

        return table;
    }

    /// <summary>
    /// The host's time series: one row per rebalancing point with the free memory, the pressure state and each VM's
    /// granted, ballooned and swapped pages (columns <c>VM_granted</c>, <c>VM_ballooned</c>, <c>VM_swapped</c>).
    /// </summary>
    public static ResultTable Series(HostRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = new List<(string, string)> { ("time", "time"), ("free", "free"), ("state", "state") };
        foreach (var vm in result.Vms)
        {
            columns.Add(($"{vm.Name}_granted", $"{vm.Name} granted"));
            columns.Add(($"{vm.Name}_ballooned", $"{vm.Name} ballooned"));
            columns.Add(($"{vm.Name}_swapped", $"{vm.Name} swapped"));
        }

        var table = new ResultTable(columns);
        foreach (var sample in result.Samples)
        {
            table.Add([sample.Time, sample.FreeFrames, sample.State.ToString().ToLowerInvariant(),
                .. sample.Vms.SelectMany(v => new object[] { v.Granted, v.Ballooned, v.Swapped })]);
        }

        return table;
    }

    /// <summary>Writes the header, the per-VM table and the host's summary.</summary>
    public static void Write(TextWriter output, HostRunResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"scenario {result.Scenario}: {result.Vms.Count} VMs, "
            + $"{result.Accesses:N0} accesses, host {Mib(result.HostFrames)} "
            + $"({Mib(result.HypervisorFrames)} hypervisor overhead)"));
        output.WriteLine("policies: " + string.Join(", ", result.Policies.Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("pages are 4 KiB; granted/active/ballooned/swapped as esxtop names them (GRANT, ACTV, MCTLSZ, SWCUR)");
        output.WriteLine();
        VmTable(result).Write(output, TableFormat.Table);
        output.WriteLine();
        var states = string.Join(", ", Enum.GetValues<PressureState>().Select(s => string.Create(c,
            $"{s.ToString().ToLowerInvariant()} {100.0 * result.AccessesInState[(int)s] / Math.Max(1, result.Accesses):0.#}%")));
        output.WriteLine(string.Create(c, $"host: min free {Mib(result.MinFreeFrames)} "
            + $"({100.0 * result.MinFreeFrames / Math.Max(1, result.HostFrames):0.##}%), {result.Rebalances:N0} "
            + $"rebalancing points, {result.OutOfMemoryNotifications:N0} out-of-memory notifications"));
        output.WriteLine($"time in state: {states}");
        var sharing = result.Sharing;
        output.WriteLine(string.Create(c, $"sharing: scanner {sharing.Scanner}, zero-page hack "
            + $"{(sharing.ZeroPageHack ? "on" : "off")}{(sharing.Salting ? ", salted" : "")}: saves "
            + $"{Mib(sharing.PagesSharing)} ({Mib(sharing.ZeroSaved)} zero pages, {Mib(sharing.ContentSaved)} other "
            + $"content); pages_shared {sharing.PagesShared:N0}, pages_sharing {sharing.PagesSharing:N0}, "
            + $"{sharing.Merges:N0} merges, {sharing.CopyOnWriteBreaks:N0} copy-on-write breaks, "
            + $"{sharing.PagesScanned:N0} pages scanned ({sharing.ScanMicroseconds / 1000:N1} ms of host CPU)"));
        if (result.Patching is { Enabled: true } patching)
        {
            output.WriteLine(string.Create(c, $"patching: {patching.PatchedPages:N0} pages held as "
                + $"{patching.PatchBytes / 1048576.0:0.##} MiB of patches, saving {Mib(patching.FramesSaved)}; "
                + $"{patching.PatchesMade:N0} patches made, {patching.PatchFaults:N0} rebuilt on access, "
                + $"{patching.ReferencesLost:N0} references lost; {patching.CpuMicroseconds / 1000:N1} ms of host CPU"));
        }

        foreach (var store in result.BackingStores)
        {
            output.WriteLine(string.Create(c, $"backing store {store.Name}: {store.Pages:N0} pages in "
                + $"{store.Bytes / 1048576.0:0.##} MiB, {Mib(store.MachineFrames)} of host RAM (peak "
                + $"{Mib(store.PeakMachineFrames)}); {store.Kept:N0} kept, {store.Refused:N0} refused, {store.Loads:N0} "
                + $"loads, {store.Misses:N0} misses; {store.StoreMicroseconds / 1000:N1} ms storing, "
                + $"{store.LoadMicroseconds / 1000:N1} ms loading"));
        }

        if (result.PeakStoreShortfall > 0)
        {
            output.WriteLine(string.Create(c, $"the host had no free frame for the stores' growth: up to "
                + $"{result.PeakStoreShortfall:N0} frames short at once, {result.StoreShortfall:N0} at the end"));
        }

        output.WriteLine(string.Create(c,
            $"stall: {result.StallMicroseconds / 1000:N1} ms in all, slowdown {result.Slowdown:0.###}x"));
    }

    private static string Mib(long pages) => string.Create(CultureInfo.InvariantCulture, $"{pages / 256.0:0.##} MiB");
}
