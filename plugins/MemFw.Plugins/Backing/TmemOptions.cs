namespace MemFw.Plugins.Backing;

/// <summary>Options of the transcendent-memory stores, <see cref="CleancacheStore"/> and <see cref="FrontswapStore"/>.</summary>
public sealed record TmemOptions
{
    /// <summary>Pages the hypervisor lends the pool. Default 25,600 (100 MiB) [U]; at least 1.</summary>
    public long Capacity
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "capacity");
            field = value;
        }
    } = 25_600;

    /// <summary>
    /// One put or get, µs: a 4 KiB copy between guest and hypervisor plus the hypercall. Default 1 [U] (4 KiB at
    /// Dean's 1 MB per 250 µs from memory is 1 µs).
    /// </summary>
    public double CopyUs
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "copy-us");
            field = value;
        }
    } = 1;
}
