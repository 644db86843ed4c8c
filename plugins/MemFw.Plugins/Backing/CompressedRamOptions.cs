namespace MemFw.Plugins.Backing;

/// <summary>Options of <see cref="CompressedRamStore"/>.</summary>
public sealed record CompressedRamOptions
{
    /// <summary>
    /// The host frames the store may use; 0 for no cap. Default 0. ESX caps its compression cache at 10% of the VM's
    /// memory, zswap at 20% of RAM (max_pool_percent): give the frames that fraction stands for.
    /// </summary>
    public long CapacityFrames
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, "capacity-frames");
            field = value;
        }
    }

    /// <summary>
    /// The largest compressed page kept, bytes; larger ones are refused (they go to the next store). Default 2048:
    /// ESX keeps a page only if it compresses to at most half a page. 4096 keeps every page, as zram does.
    /// </summary>
    public int MaxBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "max-bytes");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 4096, "max-bytes");
            field = value;
        }
    } = 2048;

    /// <summary>
    /// How compressed pages are packed into host frames: dense (default), zbud, z3fold or zsmalloc, the allocators
    /// zswap and zram use, each counting the frames it really holds.
    /// </summary>
    public CompressedRamPool Pool { get; init; }

    /// <summary>
    /// The compression codec the store compresses with: a codec plugin's name (memfw plugins --kind
    /// compression-codec). In a scenario it defaults to the host's codec (lz4 unless set, zram's and zswap's usual
    /// choice), and the host passes that codec's measured speeds as compress-mb-per-s and decompress-mb-per-s, unless
    /// the spec sets them too.
    /// </summary>
    /// <remarks>
    /// The binder resolves the name (Framework.Content.Backing.CodecSpeedOptions): a store sees only its options, not
    /// the codec plugins.
    /// </remarks>
    public string Codec
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, "codec");
            field = value;
        }
    } = "lz4";

    /// <summary>
    /// Compression speed of the codec, MB/s (10^6 bytes): a store costs 4096 bytes at this rate. Default 1318: lz4's
    /// measured speed (Lz4Codec.CompressMbPerS); in a scenario, the codec's (see Codec).
    /// </summary>
    public double CompressMbPerS
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "compress-mb-per-s");
            field = value;
        }
    } = 1318;

    /// <summary>
    /// Decompression speed of the codec, MB/s: a load costs 4096 bytes at this rate. Default 4970: lz4's measured speed
    /// (Lz4Codec.DecompressMbPerS); in a scenario, the codec's (see Codec).
    /// </summary>
    public double DecompressMbPerS
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, "decompress-mb-per-s");
            field = value;
        }
    } = 4970;
}
