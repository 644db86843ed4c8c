using System.CommandLine;
using MemFw.Cli.Output;
using MemFw.Cli.Plugins;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Cli.Commands;

/// <summary>The options <c>replay</c> and <c>compare</c> share: the trace, VMs, engine periods, seed and plugin folders.</summary>
internal sealed class ReplayOptions
{
    private readonly Argument<string> _trace = CommonOptions.Trace();
    private readonly Option<string[]> _vms = new("--vm") { Description = "Replay only this VM, by name or id (repeatable; default: all VMs, as one page pool)" };
    private readonly Option<long> _warmup = new("--warmup") { Description = "Accesses replayed before counting starts" };
    private readonly Option<long> _tick = new("--tick")
    {
        Description = "Accesses between ticks, when policies sample and clear Accessed bits",
        DefaultValueFactory = _ => ReplaySettings.DefaultTickPeriod,
    };
    private readonly Option<long> _interval = new("--interval")
    {
        Description = "Accesses per sample of the time series",
        DefaultValueFactory = _ => ReplaySettings.DefaultInterval,
    };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of every random choice", DefaultValueFactory = _ => 42 };
    private readonly Option<string[]> _plugins = CommonOptions.Plugins();
    private readonly Option<bool> _quiet = CommonOptions.Quiet();

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_trace);
        command.Add(_vms);
        command.Add(_warmup);
        command.Add(_tick);
        command.Add(_interval);
        command.Add(_seed);
        command.Add(_plugins);
        command.Add(_quiet);
    }

    /// <summary>The trace (or, for <c>compare</c>, scenario) path given.</summary>
    public string Input(ParseResult parse) => parse.GetValue(_trace)!;

    /// <summary>Whether <c>--quiet</c> was given.</summary>
    public bool Quiet(ParseResult parse) => parse.GetValue(_quiet);

    /// <summary>Loads the plugin catalog with the folders given.</summary>
    public PluginCatalog Catalog(ParseResult parse) => PluginCatalog.Load(parse.GetValue(_plugins) ?? []);

    /// <summary>The engine settings for <paramref name="frames"/> frames.</summary>
    public ReplaySettings Settings(ParseResult parse, int frames)
    {
        try
        {
            return new ReplaySettings
            {
                Frames = frames,
                WarmupAccesses = parse.GetValue(_warmup),
                TickPeriod = parse.GetValue(_tick),
                Interval = parse.GetValue(_interval),
                Seed = parse.GetValue(_seed),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"--{e.ParamName}: expected a positive value, found {e.ActualValue}", e);
        }
    }

    /// <summary>Opens the trace and derives its replay form for the chosen VMs, with a progress bar.</summary>
    public (Trace Trace, ReplayForm Form) Decode(ParseResult parse, CliConsole console)
    {
        var trace = Trace.Open(parse.GetValue(_trace)!);
        var vms = (parse.GetValue(_vms) ?? []).Select(name => trace.FindVm(name)?.Id ?? throw new ArgumentException(
            $"--vm: no VM '{name}' in {trace.Path}; it has {string.Join(", ", trace.Metadata.Vms.Select(v => v.Name))}",
            nameof(parse))).ToList();
        var form = ProgressDisplay.Run(console, Quiet(parse), "decode", progress => ReplayForm.Build(trace, vms, progress));
        return (trace, form);
    }
}
