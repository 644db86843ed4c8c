using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Parsing;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replay;

namespace MemFw.Cli.Commands;

/// <summary><c>memfw compare</c>: replays every (policy, frames) pair of a trace and prints one table.</summary>
internal static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var policies = new Option<string>("--policies")
        {
            Description = "Policies, comma-separated, each NAME[:OPTION=VALUE]...; for a scenario, its swap policies",
        };
        var frames = new Option<string>("--frames")
        {
            Description = "Frame counts or sizes, comma-separated (e.g. 64,128,256 or 1M,2M); for a trace only",
        };
        var vary = new Option<string[]>("--vary")
        {
            Description = "For a scenario: alternative policies of one role, ROLE=POLICY[,POLICY]... (repeatable; roles: "
                + string.Join(", ", ScenarioVariants.Roles) + "; balloon and sharing also take none, zero-pages and patching take "
                + "on or off; a backing-store chain joins its stores with +, e.g. compressed-ram+disk)",
        };
        var format = new Option<TableFormat>("--format") { Description = "Output format", DefaultValueFactory = _ => TableFormat.Table };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Replays run at once (default: one per core); results do not depend on it",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var shared = new ReplayOptions();
        var command = new Command("compare",
            "Replay a trace through several policies at several memory sizes, or run a scenario with alternative policies")
        {
            policies, frames, vary, format, jobs,
        };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            if (ScenarioComparison.IsScenario(shared.Input(parse)))
            {
                if (parse.GetValue(frames) is not null)
                {
                    throw new ArgumentException("--frames: a scenario sets its host's memory; vary policies with "
                        + "--policies or --vary", nameof(parse));
                }

                return ScenarioComparison.Run(console, parse, shared, parse.GetValue(policies),
                    parse.GetValue(vary) ?? [], parse.GetValue(format), parse.GetValue(jobs));
            }

            if (parse.GetValue(policies) is null || parse.GetValue(frames) is null || parse.GetValue(vary) is { Length: > 0 })
            {
                throw new ArgumentException("--policies, --frames: required for a trace (--vary is for scenarios)",
                    nameof(parse));
            }

            var specs = PolicySpec.ParseList(parse.GetValue(policies)!, "--policies");
            var sizes = FrameCount.ParseList(parse.GetValue(frames)!, "--frames");
            var parallelism = parse.GetValue(jobs);
            if (specs.Count == 0 || sizes.Count == 0 || parallelism < 1)
            {
                throw new ArgumentException("--policies, --frames: expected at least one each; --jobs: at least 1", nameof(parse));
            }

            var catalog = shared.Catalog(parse);
            var runs = specs.Select(s => PolicyRun.Bind(catalog, s)).ToList();
            var settings = sizes.Select(n => shared.Settings(parse, n)).ToList();
            var (_, form) = shared.Decode(parse, console);
            using (form)
            {
                var results = ProgressDisplay.Run(console, shared.Quiet(parse), "compare",
                    progress => RunAll(runs, settings, form, parallelism, progress));
                Table(results).Write(console.Out, parse.GetValue(format));
            }

            return 0;
        });
        return command;
    }

    private static ReplayResult[] RunAll(List<PolicyRun> runs, List<ReplaySettings> settings,
        ReplayForm form, int parallelism, IProgress<double>? progress)
    {
        var results = new ReplayResult[runs.Count * settings.Count];
        var done = 0;
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, cell =>
        {
            results[cell] = runs[cell / settings.Count].Run(form, settings[cell % settings.Count]);
            progress?.Report((double)Interlocked.Increment(ref done) / results.Length);
        });
        return results;
    }

    private static ResultTable Table(IEnumerable<ReplayResult> results)
    {
        var table = new ResultTable([
            ("policy", "policy"), ("frames", "frames"), ("accesses", "accesses"), ("hits", "hits"),
            ("faults", "faults"), ("fault_rate", "fault rate"), ("first_touch_faults", "first touch"),
            ("refaults", "re-faults"), ("evictions", "evictions"), ("writebacks", "write-backs"),
        ]);
        foreach (var r in results)
        {
            var c = r.Counters;
            table.Add(r.Policy, r.Frames, c.Accesses, c.Hits, c.Faults, c.FaultRate, c.FirstTouchFaults, c.Refaults,
                c.Evictions, c.WriteBacks);
        }

        return table;
    }
}
