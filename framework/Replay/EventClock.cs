using System.Runtime.CompilerServices;
using MemFw.Framework.Replacement;

namespace MemFw.Framework.Replay;

/// <summary>
/// The rare events of a replay kept off the per-access path: the loop compares one position with <see cref="Next"/>;
/// ticks, interval samples and the end of warm-up fire here.
/// </summary>
internal sealed class EventClock
{
    private readonly ReplaySettings _settings;
    private readonly List<IntervalSample> _samples;
    private long _nextTick;
    private long _nextSample;
    private ReplayCounters _warmupEnd;
    private ReplayCounters _sampleStart;

    /// <summary>Creates the clock of a replay of <paramref name="accesses"/> accesses.</summary>
    public EventClock(ReplaySettings settings, long accesses)
    {
        _settings = settings;
        _samples = new List<IntervalSample>((int)Math.Min(1 << 20, (accesses / settings.Interval) + 2));
        _nextTick = settings.TickPeriod;
        _nextSample = settings.WarmupAccesses + settings.Interval;
        Next = Math.Min(_nextTick, settings.WarmupAccesses > 0 ? settings.WarmupAccesses : _nextSample);
    }

    /// <summary>The position (accesses replayed) at which the next event fires.</summary>
    public long Next { get; private set; }

    /// <summary>Fires every event due at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Fire<TPolicy>(ref TPolicy policy, long position, ReplayCounters counters)
        where TPolicy : struct, IReplacementPolicy
    {
        if (position == _settings.WarmupAccesses)
        {
            _warmupEnd = counters;
            _sampleStart = counters;
        }

        if (position == _nextSample)
        {
            _samples.Add(new IntervalSample(position - _settings.WarmupAccesses, counters - _sampleStart));
            _sampleStart = counters;
            _nextSample += _settings.Interval;
        }

        if (position == _nextTick)
        {
            policy.OnTick();
            _nextTick += _settings.TickPeriod;
        }

        Next = Math.Min(_nextTick, position < _settings.WarmupAccesses ? _settings.WarmupAccesses : _nextSample);
    }

    /// <summary>Closes the last partial interval and builds the result.</summary>
    public ReplayResult Finish(string name, ReplayForm form, int frames, ReplayCounters counters)
    {
        var warmup = Math.Min(_settings.WarmupAccesses, counters.Accesses);
        if (counters.Accesses < _settings.WarmupAccesses)
        {
            _warmupEnd = counters;
            _sampleStart = counters;
        }

        var tail = counters - _sampleStart;
        if (tail.Accesses > 0)
        {
            _samples.Add(new IntervalSample(counters.Accesses - warmup, tail));
        }

        return new ReplayResult
        {
            Policy = name,
            Frames = frames,
            DistinctPages = form.PageCount,
            IoAccesses = form.IoAccesses,
            WarmupAccesses = warmup,
            Counters = counters - _warmupEnd,
            Intervals = _samples,
        };
    }
}
