using System.IO.Hashing;
using MemFw.Traces.Format;

namespace MemFw.Framework.Content.Patching;

/// <summary>
/// Finds pages likely similar to a page from hashes of a few 64-byte blocks at fixed random offsets: Difference
/// Engine's HashSimilarityDetector(k, s).
/// </summary>
/// <remarks>
/// <para>
/// Source: Gupta et al., "Difference Engine", OSDI 2008 (CACM 53(10), 2010, p. 90): hash k·s 64-byte blocks
/// at randomly chosen locations of the page, grouped into k groups of s; a page is indexed under each of its k group
/// hashes, and the pages sharing at least one are its candidates for patching. The paper chose (2, 1) [U].
/// </para>
/// <para>
/// Points the paper leaves open, and the choices made: the offsets are drawn once per index from the seed, as k·s
/// distinct byte offsets uniform over 0 to 4032 (not aligned to 64 bytes), group g taking draws g·s to g·s + s - 1;
/// a group's key is XXH3-64 of its s blocks one after another, looked up in that group's own table (a block of group
/// 0 never matches one of group 1, which lies elsewhere in the page); a key remembers the
/// <see cref="SimilarityOptions.BucketCapacity"/> pages added last, so that a block many pages share (a run of zero
/// or fill bytes) yields a bounded candidate list.
/// </para>
/// </remarks>
public sealed class SimilarityIndex
{
    /// <summary>The size of a hashed block, in bytes.</summary>
    public const int BlockSize = 64;

    /// <summary>The most blocks an index hashes per page (k·s): as many as a page holds.</summary>
    public const int MaxBlocks = TraceFormat.PageSize / BlockSize;

    private readonly int[] _offsets;
    private readonly int _blocksPerGroup;
    private readonly int _bucketCapacity;

    /// <summary>Per group: the pages indexed under each key, oldest first.</summary>
    private readonly Dictionary<ulong, List<int>>[] _tables;

    /// <summary>Creates an empty index.</summary>
    /// <exception cref="ArgumentException">Groups × blocks per group exceeds <see cref="MaxBlocks"/>.</exception>
    public SimilarityIndex(SimilarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Groups * options.BlocksPerGroup > MaxBlocks)
        {
            throw new ArgumentException($"groups × blocks-per-group: expected at most {MaxBlocks}, found " +
                $"{options.Groups} × {options.BlocksPerGroup}", nameof(options));
        }

        _blocksPerGroup = options.BlocksPerGroup;
        _bucketCapacity = options.BucketCapacity;
        _offsets = DrawOffsets(options.Groups * options.BlocksPerGroup, options.Seed);
        _tables = [.. Enumerable.Range(0, options.Groups).Select(_ => new Dictionary<ulong, List<int>>())];
    }

    /// <summary>The byte offsets of the hashed blocks, group by group (k·s of them).</summary>
    public IReadOnlyList<int> BlockOffsets => _offsets;

    /// <summary>k: the number of keys of a page.</summary>
    public int Groups => _tables.Length;

    /// <summary>Writes the page's k group hashes to <paramref name="hashes"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The page is not 4096 bytes, or <paramref name="hashes"/> holds fewer than k.
    /// </exception>
    public void GroupHashes(ReadOnlySpan<byte> page, Span<ulong> hashes)
    {
        if (page.Length != TraceFormat.PageSize)
        {
            throw new ArgumentException($"expected a page of {TraceFormat.PageSize} bytes, found {page.Length}",
                nameof(page));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, Groups, nameof(hashes));
        Span<byte> group = stackalloc byte[_blocksPerGroup * BlockSize];
        for (var g = 0; g < Groups; g++)
        {
            for (var b = 0; b < _blocksPerGroup; b++)
            {
                page.Slice(_offsets[g * _blocksPerGroup + b], BlockSize).CopyTo(group[(b * BlockSize)..]);
            }

            hashes[g] = XxHash3.HashToUInt64(group);
        }
    }

    /// <summary>Indexes <paramref name="page"/> under its k group hashes.</summary>
    public void Add(int page, ReadOnlySpan<byte> content)
    {
        Span<ulong> hashes = stackalloc ulong[Groups];
        GroupHashes(content, hashes);
        for (var g = 0; g < Groups; g++)
        {
            if (!_tables[g].TryGetValue(hashes[g], out var bucket))
            {
                _tables[g][hashes[g]] = bucket = new List<int>(1);
            }
            else if (bucket.Count == _bucketCapacity)
            {
                bucket.RemoveAt(0);
            }

            bucket.Add(page);
        }
    }

    /// <summary>
    /// Fills <paramref name="candidates"/> with the indexed pages that share at least one group hash with
    /// <paramref name="content"/>, each once, other than <paramref name="exclude"/> (the page itself); group 0's first,
    /// each group's oldest first.
    /// </summary>
    public void Candidates(ReadOnlySpan<byte> content, int exclude, List<int> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        candidates.Clear();
        Span<ulong> hashes = stackalloc ulong[Groups];
        GroupHashes(content, hashes);
        for (var g = 0; g < Groups; g++)
        {
            if (!_tables[g].TryGetValue(hashes[g], out var bucket))
            {
                continue;
            }

            foreach (var page in bucket)
            {
                if (page != exclude && !candidates.Contains(page))
                {
                    candidates.Add(page);
                }
            }
        }
    }

    private static int[] DrawOffsets(int count, int seed)
    {
        var random = new Random(seed);
        var offsets = new List<int>(count);
        while (offsets.Count < count)
        {
            var offset = random.Next(TraceFormat.PageSize - BlockSize + 1);
            if (!offsets.Contains(offset))
            {
                offsets.Add(offset);
            }
        }

        return [.. offsets];
    }
}
