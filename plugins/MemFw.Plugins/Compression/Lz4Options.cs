namespace MemFw.Plugins.Compression;

/// <summary>Options of <see cref="Lz4Codec"/>.</summary>
public sealed record Lz4Options
{
    /// <summary>
    /// The compression level, as the lz4 command takes it: 1 or 2 the fast compressor (zram's <c>lz4</c>), 3 to 12
    /// LZ4HC at that level (zram's <c>lz4hc</c>, whose default is 9). Default 1.
    /// </summary>
    public int Level
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "level");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 12, "level");
            field = value;
        }
    } = 1;
}
