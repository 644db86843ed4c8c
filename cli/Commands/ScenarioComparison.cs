using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Framework.Host.Engine;
using MemFw.Framework.Host.Scenarios;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw compare SCENARIO</c>: runs the scenario once per combination of alternative policies; one table.</summary>
internal static class ScenarioComparison
{
    /// <summary>Whether <paramref name="path"/> names a scenario file rather than a trace folder.</summary>
    public static bool IsScenario(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the comparison and prints the table.</summary>
    public static int Run(CliConsole console, ParseResult parse, ReplayOptions shared, string? swapPolicies,
        IEnumerable<string> vary, TableFormat format, int jobs)
    {
        if (jobs < 1)
        {
            throw new ArgumentException("--jobs: expected at least 1", nameof(jobs));
        }

        var scenario = ScenarioParser.Load(shared.Input(parse));
        var variants = ScenarioVariants.Of(scenario, swapPolicies, vary);
        var catalog = shared.Catalog(parse);
        var bound = variants.Select(v => (Scenario: v, Policies: ScenarioPolicies.Bind(catalog, v))).ToList();
        var quiet = shared.Quiet(parse);
        using var form = ProgressDisplay.Run(console, quiet, "decode", p => HostRun.BuildForm(scenario, p));
        var results = ProgressDisplay.Run(console, quiet, "compare", progress =>
        {
            var done = 0;
            var cells = new HostRunResult[bound.Count];
            Parallel.For(0, cells.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
            {
                cells[i] = HostRun.Run(bound[i].Scenario, bound[i].Policies, form);
                progress?.Report((double)Interlocked.Increment(ref done) / cells.Length);
            });
            return cells;
        });
        Table(results).Write(console.Out, format);
        return 0;
    }

    private static ResultTable Table(IEnumerable<HostRunResult> results)
    {
        var roles = ScenarioVariants.Roles;
        var table = new ResultTable([
            ("scenario", "scenario"), .. roles.Select(r => (r.Replace('-', '_'), r)), ("stall_us", "stall µs"), ("slowdown", "slowdown"),
            ("swap_ins", "swap-ins"), ("swap_outs", "swap-outs"), ("guest_swap_ins", "guest swap-ins"),
            ("guest_swap_outs", "guest swap-outs"), ("double_paging", "double paging"), ("ballooned", "ballooned"),
            ("min_free", "min free"), ("oom_notifications", "oom"), ("shared_saved", "sharing saved"),
            ("zero_saved", "zero saved"), ("cow_breaks", "cow breaks"), ("scan_ms", "scan ms"),
            ("ram_store_pages", "RAM store pages"), ("ram_store_frames", "RAM store frames"),
            ("ram_store_ms", "RAM store ms"), ("patched", "patched"), ("patch_saved", "patch saved"),
            ("patch_faults", "patch faults"), ("patch_ms", "patch ms"),
        ]);
        foreach (var r in results)
        {
            var policies = r.Policies.ToDictionary(p => p.Key, p => p.Value);
            var ram = r.BackingStores.Where(s => s.InRam).ToList();
            table.Add([
                r.Scenario, .. roles.Select(role => (object)policies[role]), (long)Math.Round(r.StallMicroseconds), Math.Round(r.Slowdown, 3),
                r.Vms.Sum(v => v.SwapIns), r.Vms.Sum(v => v.SwapOuts), r.Vms.Sum(v => v.GuestSwapIns),
                r.Vms.Sum(v => v.GuestSwapOuts), r.Vms.Sum(v => v.DoublePaging), r.Vms.Sum(v => v.Ballooned),
                r.MinFreeFrames, r.OutOfMemoryNotifications, r.Sharing.PagesSharing, r.Sharing.ZeroSaved,
                r.Sharing.CopyOnWriteBreaks, Math.Round(r.Sharing.ScanMicroseconds / 1000, 3),
                ram.Sum(s => s.Pages), ram.Sum(s => s.MachineFrames),
                Math.Round(ram.Sum(s => s.StoreMicroseconds + s.LoadMicroseconds) / 1000, 3), r.Patching.PatchedPages,
                r.Patching.FramesSaved, r.Patching.PatchFaults, Math.Round(r.Patching.CpuMicroseconds / 1000, 3),
            ]);
        }

        return table;
    }
}
