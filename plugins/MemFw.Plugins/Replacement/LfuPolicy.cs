using System.Diagnostics;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Collections;

namespace MemFw.Plugins.Replacement;

/// <summary>
/// Least frequently used, in O(1): the resident pages sit in frequency buckets kept in increasing order of
/// frequency; a hit moves a page to the bucket one higher, and the victim is the least recently used page of the
/// lowest bucket.
/// </summary>
/// <remarks>
/// Shah, Mitra and Matani, "An O(1) algorithm for implementing the LFU cache eviction scheme", 2010, section 3: a
/// list of frequency nodes, each holding its items. Open points: frequencies count accesses since the page was loaded
/// (a loaded page starts at 1, eviction forgets it), and within a bucket the page that entered it earliest, i.e. the
/// least recently used, goes first (the paper leaves the order within a node open).
/// </remarks>
[ReplacementPolicy("lfu", Description = "Least frequently used (O(1) frequency buckets), LRU among equals",
    Source = "Shah, Mitra and Matani, O(1) LFU, 2010, section 3")]
public sealed class LfuPolicy : IReplacementPolicy
{
    private const int Chain = 0;
    private const int FreeBuckets = 1;

    /// <summary>The frames, one list per bucket (the list id is the bucket id), least recent first.</summary>
    private readonly IntrusiveLists _pages;

    /// <summary>The buckets in use in increasing frequency (<see cref="Chain"/>), and the spare ones.</summary>
    private readonly IntrusiveLists _buckets;

    /// <summary>The access count of each bucket's pages.</summary>
    private readonly long[] _frequency;

    /// <summary>Creates the policy for one replay.</summary>
    public LfuPolicy(ReplacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // At most one bucket per resident page, plus the one a hit opens before its old one empties.
        var bucketCount = context.FrameCount + 1;
        _pages = new IntrusiveLists(context.FrameCount, bucketCount);
        _buckets = new IntrusiveLists(bucketCount, 2);
        for (var bucket = 0; bucket < bucketCount; bucket++)
        {
            _buckets.AddLast(FreeBuckets, bucket);
        }

        _frequency = new long[bucketCount];
    }

    /// <inheritdoc/>
    public void OnHit(int frame, bool write)
    {
        var bucket = _pages.ListOf(frame);
        var frequency = _frequency[bucket] + 1;
        var next = _buckets.Next(bucket);
        if (next == IntrusiveLists.None || _frequency[next] != frequency)
        {
            next = OpenBucket(frequency);
            _buckets.InsertAfter(bucket, next);
        }

        Leave(frame);
        _pages.AddLast(next, frame);
    }

    /// <inheritdoc/>
    public void OnInsert(int frame, bool write)
    {
        if (_pages.ListOf(frame) != IntrusiveLists.None)
        {
            Leave(frame);
        }

        var first = _buckets.First(Chain);
        if (first == IntrusiveLists.None || _frequency[first] != 1)
        {
            first = OpenBucket(1);
            _buckets.AddFirst(Chain, first);
        }

        _pages.AddLast(first, frame);
    }

    /// <inheritdoc/>
    public int SelectVictim(int page) => _pages.First(_buckets.First(Chain));

    /// <inheritdoc/>
    /// <remarks>The frame leaves its bucket (emptied, the bucket goes back to the spares): its count is forgotten.
    /// </remarks>
    public void OnRemove(int frame) => Leave(frame);

    /// <inheritdoc/>
    public void OnTick()
    {
    }

    private int OpenBucket(long frequency)
    {
        var bucket = _buckets.RemoveFirst(FreeBuckets);
        Debug.Assert(_pages.Count(bucket) == 0, "a spare bucket holds pages");
        _frequency[bucket] = frequency;
        return bucket;
    }

    /// <summary>Takes <paramref name="frame"/> out of its bucket, which goes back to the spares if empty.</summary>
    private void Leave(int frame)
    {
        var bucket = _pages.ListOf(frame);
        _pages.Remove(frame);
        if (_pages.Count(bucket) == 0)
        {
            _buckets.Remove(bucket);
            _buckets.AddLast(FreeBuckets, bucket);
        }
    }
}
