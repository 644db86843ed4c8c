using System.IO.Hashing;
using BenchmarkDotNet.Attributes;
using MemFw.Framework.Content.Patching;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Content;

/// <summary>
/// Pages hashed per second, as ratios against copying the same pages in the same run: XXH3-64 of whole 4 KiB pages
/// (the page-contents table's hash, what a sharing scanner computes per page) and the similarity index's block
/// hashing (HashSimilarityDetector(2, 1): two 64-byte blocks per page).
/// </summary>
/// <remarks>
/// Input: the first <see cref="Pages"/> non-zero pages of the bundled real RAM snapshots (guest-ram-content.trace),
/// 16 MiB laid out one after another. The baseline copies each page into one 4 KiB frame
/// (memcpy of a page, as a hypervisor copies a page into a frame), so every method reads the same bytes from memory.
/// Each invocation handles every page once; the reported times are per page.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PageHashBenchmarks
{
    /// <summary>Pages per invocation.</summary>
    public const int Pages = 4096;

    private readonly ulong[] _groupHashes = new ulong[2];
    private readonly byte[] _frame = new byte[TraceFormat.PageSize];
    private byte[] _pages = [];
    private SimilarityIndex _index = null!;

    /// <summary>Reads the pages once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var trace = Trace.Open(BenchmarkData.PagesTracePath);
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        var pages = new List<byte[]>(Pages);
        while (pages.Count < Pages && reader.Read(batch) > 0)
        {
            pages.AddRange(batch.Content.ToArray().OfType<byte[]>().Take(Pages - pages.Count));
        }

        if (pages.Count < Pages)
        {
            throw new InvalidOperationException(
                $"{trace.Path}: expected {Pages} pages with contents, found {pages.Count}");
        }

        _pages = [.. pages.SelectMany(p => p)];
        _index = new SimilarityIndex(new SimilarityOptions());
    }

    /// <summary>memcpy of each page into one frame: the floor.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pages)]
    public byte Copy()
    {
        for (var at = 0; at < _pages.Length; at += TraceFormat.PageSize)
        {
            _pages.AsSpan(at, TraceFormat.PageSize).CopyTo(_frame);
        }

        return _frame[0];
    }

    /// <summary>XXH3-64 of each whole page.</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public ulong Xxh3Page()
    {
        var sum = 0UL;
        for (var at = 0; at < _pages.Length; at += TraceFormat.PageSize)
        {
            sum ^= XxHash3.HashToUInt64(_pages.AsSpan(at, TraceFormat.PageSize));
        }

        return sum;
    }

    /// <summary>The similarity index's k = 2 group hashes of each page (two 64-byte blocks).</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public ulong SimilarityBlocks()
    {
        var sum = 0UL;
        for (var at = 0; at < _pages.Length; at += TraceFormat.PageSize)
        {
            _index.GroupHashes(_pages.AsSpan(at, TraceFormat.PageSize), _groupHashes);
            sum ^= _groupHashes[0] ^ _groupHashes[1];
        }

        return sum;
    }
}
