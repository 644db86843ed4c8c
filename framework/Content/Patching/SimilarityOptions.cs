namespace MemFw.Framework.Content.Patching;

/// <summary>Options of <see cref="SimilarityIndex"/>: Difference Engine's HashSimilarityDetector(k, s).</summary>
public sealed record SimilarityOptions
{
    /// <summary>
    /// k: groups of blocks, each an index key of a page. Default 2, the paper's chosen setting [U]; range 1 to 64, and
    /// <see cref="Groups"/> × <see cref="BlocksPerGroup"/> at most 64.
    /// </summary>
    public int Groups
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "groups");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, SimilarityIndex.MaxBlocks, "groups");
            field = value;
        }
    } = 2;

    /// <summary>
    /// s: 64-byte blocks hashed together into one key. Default 1, the paper's chosen setting [U]; range 1 to 64, and
    /// <see cref="Groups"/> × <see cref="BlocksPerGroup"/> at most 64.
    /// </summary>
    public int BlocksPerGroup
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "blocks-per-group");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, SimilarityIndex.MaxBlocks, "blocks-per-group");
            field = value;
        }
    } = 1;

    /// <summary>
    /// Pages one key remembers, the most recently added: a lookup returns at most <see cref="Groups"/> × this many
    /// candidates. Default 8; range 1 to 1024. The paper leaves it open.
    /// </summary>
    public int BucketCapacity
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "bucket-capacity");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024, "bucket-capacity");
            field = value;
        }
    } = 8;

    /// <summary>Seed of the block offsets, drawn once per index. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
