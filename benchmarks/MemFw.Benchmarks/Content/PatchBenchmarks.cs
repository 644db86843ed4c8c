using BenchmarkDotNet.Attributes;
using MemFw.Framework.Content.Patching;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Content;

/// <summary>
/// Difference Engine's patch costs per page, as ratios against copying the page in the same run: encoding a page as a
/// patch against its reference (what a patching point spends per patch made) and rebuilding it (what a guest waits
/// for when it touches a patched page). The host's cost keys <c>patch-encode</c> and <c>patch-decode</c> come from
/// these figures.
/// </summary>
/// <remarks>
/// Input: the first <see cref="Pairs"/> (page, reference) pairs the <see cref="PatchPlanner"/> finds among the
/// distinct non-zero pages of the bundled real RAM snapshots (guest-ram-content.trace), every page taken as cold.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PatchBenchmarks
{
    /// <summary>Pairs per invocation.</summary>
    public const int Pairs = 256;

    private readonly byte[] _frame = new byte[TraceFormat.PageSize];
    private readonly byte[] _patch = new byte[TraceFormat.PageSize];
    private readonly DeltaEncoder _encoder = new();
    private (byte[] Reference, byte[] Target, byte[] Patch)[] _pairs = [];

    /// <summary>Reads the pages and plans their patches once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var trace = Trace.Open(BenchmarkData.PagesTracePath);
        using var reader = trace.OpenPages(readContent: true);
        var batch = new PageBatch();
        var distinct = new Dictionary<ulong, byte[]>();
        while (reader.Read(batch) > 0)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch.Content[i] is { } content)
                {
                    distinct.TryAdd(batch.Hash[i], content);
                }
            }
        }

        var frames = distinct.Values.ToList();
        var plan = new PatchPlanner(new PatchOptions()).Plan([.. frames.Select(f => new FrameContent(f, 1))]);
        if (plan.Count < Pairs)
        {
            throw new InvalidOperationException($"{trace.Path}: expected {Pairs} patchable pages, found {plan.Count}");
        }

        _pairs = [.. plan.Take(Pairs).Select(p => (frames[p.Reference], frames[p.Frame], p.Patch.ToArray()))];
    }

    /// <summary>memcpy of each page into a frame: the floor.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public byte Copy()
    {
        foreach (var (_, target, _) in _pairs)
        {
            target.CopyTo(_frame, 0);
        }

        return _frame[0];
    }

    /// <summary>Encoding each page against its reference, within a 4 KiB patch buffer.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public int Encode()
    {
        var total = 0;
        foreach (var (reference, target, _) in _pairs)
        {
            total += _encoder.Encode(reference, target, _patch);
        }

        return total;
    }

    /// <summary>Rebuilding each page from its reference and patch.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public int Decode()
    {
        var total = 0;
        foreach (var (reference, _, patch) in _pairs)
        {
            total += DeltaEncoder.Decode(reference, patch)[0];
        }

        return total;
    }
}
