namespace MemFw.Framework.Replay;

/// <summary>How one replay runs: the memory the VMM may use and the engine's periods.</summary>
public sealed record ReplaySettings
{
    /// <summary>Default <see cref="TickPeriod"/>: 500,000 accesses, about 10 ms of the bundled QEMU guest (~48 M accesses/s).</summary>
    public const long DefaultTickPeriod = 500_000;

    /// <summary>Default <see cref="Interval"/> of the time series.</summary>
    public const long DefaultInterval = 1_000_000;

    /// <summary>Machine frames (4 KiB) backing the guest pages; at least 1.</summary>
    public required int Frames
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "frames");
            field = value;
        }
    }

    /// <summary>Accesses replayed before counting starts (state is kept, statistics are not). Default 0.</summary>
    public long WarmupAccesses
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "warmup");
            field = value;
        }
    }

    /// <summary>Accesses between ticks, when policies sample and clear Accessed bits. Default 500,000.</summary>
    public long TickPeriod
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "tick");
            field = value;
        }
    } = DefaultTickPeriod;

    /// <summary>Accesses per sample of the time series. Default 1,000,000.</summary>
    public long Interval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "interval");
            field = value;
        }
    } = DefaultInterval;

    /// <summary>The run's seed; each policy derives its own from it and its name. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
