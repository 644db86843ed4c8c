using BenchmarkDotNet.Attributes;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;
using MemFw.Plugins.Replacement;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Replay;

/// <summary>
/// Does the generated dispatch matter? The same policies over the same replay form, once through the generated runner
/// (the loop instantiated over the plugin's struct wrapper: direct, inlinable calls) and once through
/// <see cref="InterfaceDispatch"/> (the same loop, one interface call per primitive).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class DispatchBenchmarks
{
    private ReplayForm _form = null!;
    private ReplaySettings _settings = null!;
    private IReplacementRunner _lru = null!;
    private IReplacementRunner _clock = null!;

    /// <summary>Decodes the trace once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _form = ReplayForm.Build(Trace.Open(BenchmarkData.TracePath), []);
        _settings = new ReplaySettings { Frames = Math.Max(1, _form.PageCount / 4) };
        _lru = BuiltInPolicies.Get("lru").Bind(OptionValues.Empty);
        _clock = BuiltInPolicies.Get("clock").Bind(OptionValues.Empty);
    }

    /// <summary>Deletes the replay form.</summary>
    [GlobalCleanup]
    public void Cleanup() => _form.Dispose();

    /// <summary>LRU through the generated, devirtualized path.</summary>
    [Benchmark(Baseline = true)]
    public long LruGenerated() => _lru.Run(_form, _settings).Counters.Faults;

    /// <summary>LRU through an interface call per access.</summary>
    [Benchmark]
    public long LruInterface()
    {
        using var session = ReplaySession.Start("lru", _form, _settings, offline: false);
        var dispatch = new InterfaceDispatch(new LruPolicy(session.Context));
        return session.Replay(ref dispatch).Counters.Faults;
    }

    /// <summary>Clock through the generated path.</summary>
    [Benchmark]
    public long ClockGenerated() => _clock.Run(_form, _settings).Counters.Faults;

    /// <summary>Clock through an interface call per access.</summary>
    [Benchmark]
    public long ClockInterface()
    {
        using var session = ReplaySession.Start("clock", _form, _settings, offline: false);
        var dispatch = new InterfaceDispatch(new ClockPolicy(session.Context));
        return session.Replay(ref dispatch).Counters.Faults;
    }
}
