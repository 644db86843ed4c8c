using MemFw.Framework.Plugins;

namespace MemFw.Plugins.Backing;

/// <summary>A swap area on a solid-state drive, as ESX's "swap to host cache": a fixed time per read and per write.</summary>
[BackingStore("ssd", Description = "SSD: a fixed time per 4 KiB read and write",
    Source = "Jeff Dean, Numbers everyone should know (LADIS 2009); ESX swap to host cache")]
public sealed class SsdStore : DeviceStore
{
    /// <summary>Creates the store.</summary>
    public SsdStore(SsdOptions options)
        : base(Times(options))
    {
    }

    private static (double, double) Times(SsdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.WriteUs, options.ReadUs);
    }
}
