namespace MemFw.Plugins.Replacement;

/// <summary>Options of <see cref="AgingPolicy"/>.</summary>
public sealed record AgingOptions
{
    /// <summary>
    /// Width of each page's age counter, in bits: how many past ticks it remembers. Default 8 (Tanenbaum's example);
    /// range 1 to 64.
    /// </summary>
    public int Bits
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "bits");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64, "bits");
            field = value;
        }
    } = 8;
}
