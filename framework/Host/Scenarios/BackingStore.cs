namespace MemFw.Framework.Host.Scenarios;

/// <summary>Where the VMM swaps guest pages to: it sets the cost of a VMM swap-in (<see cref="CostModel"/>).</summary>
public enum BackingStore
{
    /// <summary>A spinning disk (scenario value <c>disk</c>): a swap-in costs a seek.</summary>
    Disk,

    /// <summary>A solid-state drive (scenario value <c>ssd</c>), as ESX's "swap to host cache".</summary>
    Ssd,
}
