namespace MemFw.Plugins.Host.Balloon;

/// <summary>Options of <see cref="EsxBalloonStrategy"/>.</summary>
public sealed record EsxBalloonOptions
{
    /// <summary>
    /// The idle memory tax rate tau used for the allocation targets: an idle page costs 1 / (1 - tau) active ones.
    /// Default 0.75 (ESX's default, Waldspurger 2002 section 5.2); range 0 (pure shares) to below 1.
    /// </summary>
    public double TaxRate
    {
        get;
        init => field = OptionRanges.BelowOne(value, "tax-rate");
    } = 0.75;

    /// <summary>
    /// The fraction of host frames the allocation targets leave free. Default 0.06 (ESX's high free-memory
    /// threshold, 6%: targets drive free memory back above it); range 0 to 1.
    /// </summary>
    public double FreeReserve
    {
        get;
        init => field = OptionRanges.Fraction(value, "free-reserve");
    } = 0.06;
}
