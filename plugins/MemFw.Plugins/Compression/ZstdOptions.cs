namespace MemFw.Plugins.Compression;

/// <summary>Options of <see cref="ZstdCodec"/>.</summary>
public sealed record ZstdOptions
{
    /// <summary>
    /// The zstd compression level, 1 (fastest) to 22 (smallest). Default 3, zstd's and zram's default.
    /// </summary>
    public int Level
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "level");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 22, "level");
            field = value;
        }
    } = 3;
}
