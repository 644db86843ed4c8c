namespace MemFw.Plugins.Backing;

/// <summary>Options of <see cref="SsdStore"/>.</summary>
public sealed record SsdOptions
{
    /// <summary>A random 4 KiB read, µs. Default 150 (Jeff Dean, LADIS 2009).</summary>
    public double ReadUs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "read-us");
            field = value;
        }
    } = 150;

    /// <summary>A 4 KiB write, µs. Default 150, as a read [U]: flash writes cost more, but swap-outs are batched.</summary>
    public double WriteUs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "write-us");
            field = value;
        }
    } = 150;
}
