using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
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
/// <remarks>
/// Two jobs: the default runtime, whose dynamic PGO devirtualizes a monomorphic interface call site with a guarded
/// direct call (a benchmark process replays one policy, so the site is monomorphic), and one with
/// <c>DOTNET_TieredPGO=0</c>, which shows the cost of the interface call a polymorphic site (several policies
/// replayed by one process through one shared loop, as <c>compare</c> would) cannot avoid.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(PgoConfig))]
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

    /// <summary>The two jobs: with and without dynamic PGO.</summary>
    private sealed class PgoConfig : ManualConfig
    {
        public PgoConfig()
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(7);
            AddJob(job.WithId("pgo"));
            AddJob(job.WithEnvironmentVariable("DOTNET_TieredPGO", "0").WithId("no-pgo"));
        }
    }
}
