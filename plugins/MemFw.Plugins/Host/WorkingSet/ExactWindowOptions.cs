namespace MemFw.Plugins.Host.WorkingSet;

/// <summary>Options of <see cref="ExactWindowEstimator"/>.</summary>
public sealed record ExactWindowOptions
{
    /// <summary>
    /// The window W, in the VM's accesses: the working set is the pages touched in the last W accesses; also the
    /// period between estimates. Default 4,800,000 (the default sampling period of <see cref="EsxSamplingEstimator"/>,
    /// so the two are judged on the same time scale); at least 1.
    /// </summary>
    public long Window
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "window");
            field = value;
        }
    } = EsxSamplingOptions.DefaultPeriod;
}
