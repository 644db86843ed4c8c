namespace MemFw.Plugins.Host.VictimSelection;

/// <summary>Options of <see cref="IdleTaxSelector"/>.</summary>
public sealed record IdleTaxOptions
{
    /// <summary>
    /// The idle memory tax rate tau: the largest fraction of a VM's idle pages that may be taken from it; an idle page
    /// costs 1 / (1 - tau) active ones. Default 0.75 (ESX's default, Waldspurger 2002 section 5.2); range 0 (pure
    /// shares) to below 1.
    /// </summary>
    public double TaxRate
    {
        get;
        init => field = OptionRanges.BelowOne(value, "tax-rate");
    } = 0.75;
}
