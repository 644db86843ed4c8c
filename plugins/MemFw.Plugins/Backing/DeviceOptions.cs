namespace MemFw.Plugins.Backing;

/// <summary>Options of <see cref="DiskStore"/>: a spinning disk's seek and transfer rate.</summary>
public sealed record DeviceOptions
{
    /// <summary>One random seek (and rotational delay), µs. Default 10,000: a disk seek (Jeff Dean, LADIS 2009).</summary>
    public double SeekUs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "seek-us");
            field = value;
        }
    } = 10_000;

    /// <summary>
    /// Sequential transfer rate, MB/s (10^6 bytes). Default 50: Dean's 1 MB read sequentially from disk in 20 ms.
    /// </summary>
    public double TransferMbPerS
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "transfer-mb-per-s");
            field = value;
        }
    } = 50;
}
