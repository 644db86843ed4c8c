namespace MemFw.Plugins.Host.WorkingSet;

/// <summary>Options of <see cref="EsxSamplingEstimator"/>.</summary>
public sealed record EsxSamplingOptions
{
    /// <summary>Default <see cref="Period"/>: 4,800,000 accesses, about 0.1 s of the bundled QEMU guest.</summary>
    /// <remarks>
    /// ESX samples every 30 s of VM execution time (Waldspurger 2002, section 5.3); traces count accesses, not time,
    /// and the bundled QEMU guests run about 48 million accesses per second of guest time, so 30 s would be
    /// 1.44 billion accesses, more than any bundled trace holds (46 to 60 million): no period would ever end. We keep
    /// the paper's 100 samples per period and shorten the period to 0.1 s of guest time, so that a bundled trace
    /// spans 10 to 12 periods, enough for the averages to settle, while each period is still long against the
    /// guest's page-touching bursts (it touches about 11,000 pages over the whole trace).
    /// </remarks>
    public const long DefaultPeriod = 4_800_000;

    /// <summary>
    /// Guest pages sampled per period (n). Default 100 (ESX's default, Waldspurger 2002 section 5.3); at least 1.
    /// </summary>
    public int Samples
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "samples");
            field = value;
        }
    } = 100;

    /// <summary>
    /// The sampling period, in the VM's accesses. Default 4,800,000 (about 0.1 s of the bundled QEMU guest; see
    /// <see cref="DefaultPeriod"/>); at least 1.
    /// </summary>
    public long Period
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "period");
            field = value;
        }
    } = DefaultPeriod;

    /// <summary>
    /// Weight of the newest period's fraction in the fast moving average. Default 0.5 [U] (the paper gives no
    /// constant; half the weight on the newest period reacts to a growing working set within a period or two);
    /// range above 0 to 1.
    /// </summary>
    public double FastWeight
    {
        get;
        init => field = OptionRanges.Weight(value, "fast-weight");
    } = 0.5;

    /// <summary>
    /// Weight of the newest period's fraction in the slow moving average. Default 0.1 [U] (the paper gives no
    /// constant; about ten periods of memory, so a shrinking working set is believed only slowly); range above 0
    /// to 1.
    /// </summary>
    public double SlowWeight
    {
        get;
        init => field = OptionRanges.Weight(value, "slow-weight");
    } = 0.1;
}
