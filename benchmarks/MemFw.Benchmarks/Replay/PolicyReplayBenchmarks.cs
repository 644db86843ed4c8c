using BenchmarkDotNet.Attributes;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Replay;

/// <summary>
/// Replay throughput per policy on a real trace, reading the trace as <c>memfw replay</c> does (the replay form is
/// decoded once per command and streamed by every replay), as a ratio against streaming the same replay form with no
/// policy. Divide the trace's access count by the mean time for accesses per second.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PolicyReplayBenchmarks
{
    private ReplayForm _form = null!;
    private IReplacementRunner _runner = null!;
    private ReplaySettings _settings = null!;

    /// <summary>The policy replayed.</summary>
    [ParamsSource(nameof(Policies))]
    public string Policy { get; set; } = "";

    /// <summary>Frames, as a fraction of the trace's distinct pages, in percent.</summary>
    [Params(25)]
    public int FramesPercent { get; set; }

    /// <summary>Every built-in policy.</summary>
    public static IEnumerable<string> Policies => BuiltInPolicies.Names;

    /// <summary>Decodes the trace once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _form = ReplayForm.Build(Trace.Open(BenchmarkData.TracePath), []);
        _settings = new ReplaySettings { Frames = Math.Max(1, _form.PageCount * FramesPercent / 100) };
        _runner = BuiltInPolicies.Get(Policy).Bind(OptionValues.Empty);
    }

    /// <summary>Deletes the replay form.</summary>
    [GlobalCleanup]
    public void Cleanup() => _form.Dispose();

    /// <summary>Streaming the replay form with no policy: the floor.</summary>
    [Benchmark(Baseline = true)]
    public ulong StreamReplayForm()
    {
        using var reader = _form.OpenReader();
        var sum = 0UL;
        for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
        {
            foreach (var entry in block)
            {
                sum += entry;
            }
        }

        return sum;
    }

    /// <summary>One replay of the policy through its generated runner.</summary>
    [Benchmark]
    public long Replay() => _runner.Run(_form, _settings).Counters.Faults;
}
