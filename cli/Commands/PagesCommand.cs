using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Plugins;
using MemFw.Framework.Content.Analysis;
using MemFw.Framework.Host;
using MemFw.Framework.Parsing;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Cli.Commands;

/// <summary>
/// <c>memfw pages</c>: what full-page sharing, the zero-page hack, sub-page patching and compression would save on a
/// trace's page snapshots, per VM and snapshot time, and what sharing scanners reach in a scan time (docs/content.md).
/// </summary>
internal static class PagesCommand
{
    /// <summary>The codecs measured by default.</summary>
    public const string DefaultCodecs = "lz4,lzrw1,lzrw4,zstd";

    /// <summary>The scanners run by default.</summary>
    public const string DefaultScanners = "ksm,esx";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var trace = CommonOptions.Trace();
        var vm = new Option<string?>("--vm")
        {
            Description = "Analyse only this VM, by name or id, as if it were alone on the host",
        };
        var codecs = new Option<string>("--codecs")
        {
            Description = "Compression codecs whose ratio to measure on the pages left after sharing, as "
                + "NAME[:OPTION=VALUE]... separated by commas, or 'none'",
            DefaultValueFactory = _ => DefaultCodecs,
        };
        var scanners = new Option<string>("--scanners")
        {
            Description = "Sharing scanners to run on each snapshot time, as NAME[:OPTION=VALUE]... separated by "
                + "commas, or 'none'",
            DefaultValueFactory = _ => DefaultScanners,
        };
        var scanTime = new Option<string>("--scan-time")
        {
            Description = "How long each scanner runs on each snapshot, e.g. 500ms, 10s, 1m, 1h",
            DefaultValueFactory = _ => "60s",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice", DefaultValueFactory = _ => 42 };
        var plugins = CommonOptions.Plugins();
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("pages", "Count zero, shareable (within and across VMs) and patchable pages in a " +
            "trace's RAM snapshots, the frames they would need, compression ratios and what sharing scanners save")
        {
            trace, vm, codecs, scanners, scanTime, seed, plugins, json, quiet,
        };
        command.SetAction(parse =>
        {
            var catalog = PluginCatalog.Load(parse.GetValue(plugins) ?? []);
            var runSeed = parse.GetValue(seed);
            var time = Duration.Parse(parse.GetValue(scanTime)!, "--scan-time");
            var codecList = BindCodecs(catalog, parse.GetValue(codecs)!, runSeed);
            try
            {
                var scannerList = BindScanners(catalog, parse.GetValue(scanners)!, runSeed);
                var opened = Trace.Open(parse.GetValue(trace)!);
                var only = Find(opened, parse.GetValue(vm));
                var options = new ContentAnalysisOptions { Vm = only, Codecs = codecList };
                var report = ProgressDisplay.Run(console, parse.GetValue(quiet), "pages",
                    progress => PageContentAnalysis.Analyze(opened, options, progress));
                if (scannerList.Count > 0)
                {
                    var figures = ProgressDisplay.Run(console, parse.GetValue(quiet), "scanners",
                        progress => SnapshotScanning.Run(opened, scannerList, time, only, progress));
                    report = report with
                    {
                        Scanning = new ScanningReport
                        {
                            ScanTimeSeconds = time.TotalSeconds,
                            Scanners = [.. scannerList.Select(s => s.Name)],
                            Snapshots = figures,
                        },
                    };
                }

                if (parse.GetValue(json))
                {
                    CliJson.Write(console.Out, report);
                }
                else
                {
                    PageContentText.Write(console.Out, report);
                }
            }
            finally
            {
                foreach (var codec in codecList)
                {
                    (codec.Codec as IDisposable)?.Dispose();
                }
            }

            return 0;
        });
        return command;
    }

    private static List<NamedCodec> BindCodecs(PluginCatalog catalog, string text, int seed)
    {
        var codecs = new List<NamedCodec>();
        foreach (var spec in Specs(text, "--codecs"))
        {
            var create = Checked("--codecs", () => catalog.FindHostPlugin("compression codec", spec.Name,
                r => r.CompressionCodecs).Bind(spec.Values));
            var context = Context(seed, $"codec/{spec.Label}");
            codecs.Add(new NamedCodec(spec.Label, Checked("--codecs", () => create(context))));
        }

        return codecs;
    }

    private static List<NamedScanner> BindScanners(PluginCatalog catalog, string text, int seed)
    {
        var scanners = new List<NamedScanner>();
        foreach (var spec in Specs(text, "--scanners"))
        {
            var create = Checked("--scanners", () => catalog.FindHostPlugin("sharing scanner", spec.Name,
                r => r.SharingScanners).Bind(spec.Values));
            var context = Context(seed, $"scanner/{spec.Label}");
            Checked("--scanners", () => create(context));
            scanners.Add(new NamedScanner(spec.Label, () => create(context)));
        }

        return scanners;
    }

    /// <summary>The specs of a list option: none for <c>none</c>; each name once.</summary>
    private static IReadOnlyList<PolicySpec> Specs(string text, string option)
    {
        if (text.Trim() == "none")
        {
            return [];
        }

        var specs = PolicySpec.ParseList(text, option);
        if (specs.Count == 0)
        {
            throw new ArgumentException($"{option}: expected a comma-separated list or 'none', found '{text}'",
                nameof(text));
        }

        var repeated = specs.GroupBy(s => s.Label).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? specs
            : throw new ArgumentException($"{option}: '{repeated.Key}' is given twice", nameof(text));
    }

    private static HostPluginContext Context(int seed, string role) =>
        new(ReplaySession.DeriveSeed(seed, role), 0);

    private static T Checked<T>(string option, Func<T> bind)
    {
        try
        {
            return bind();
        }
        catch (Exception e) when (e is ArgumentException or PluginOptionException)
        {
            throw new ArgumentException($"{option}: {e.Message.Split(" (Parameter '")[0]}", nameof(option), e);
        }
    }

    private static int? Find(Trace trace, string? name) =>
        name is null ? null
        : trace.FindVm(name)?.Id ?? throw new ArgumentException(
            $"--vm: no VM '{name}' in {trace.Path}"
                + NameSuggestions.Describe(name, trace.Metadata.Vms.Select(v => v.Name)),
            nameof(name));
}
