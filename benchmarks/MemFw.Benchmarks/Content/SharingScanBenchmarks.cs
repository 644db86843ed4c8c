using BenchmarkDotNet.Attributes;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Plugins.Sharing;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Content;

/// <summary>
/// Pages scanned per second by each sharing scanner on the real snapshots of three guests (time 0 of every VM),
/// against a baseline in the same run that only reads each page's hash (hash-only <c>guest-ram.trace</c>) or hashes
/// its bytes (<c>guest-ram-content.trace</c>) in scan order. Every operation scans 294,912 pages from a freshly
/// loaded snapshot: 3 passes of the 98,304 pages of guest-ram, 96 of the 3,072 of guest-ram-content; so it covers
/// the first pass (checksums, hints), the merging one and steady passes over merged pages. Each period scans a whole
/// pass (KSM: <c>pages_to_scan</c> = all pages; ESX: per-VM limit = the VM's pages, host limit = all pages), so the
/// cost is per page, not per period. The baseline makes ten times as many passes, so that its iterations are long
/// enough to time; all results are per page. Min and median columns, because a shared machine spreads the
/// iterations widely.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class SharingScanBenchmarks
{
    /// <summary>Pages scanned per operation.</summary>
    private const int PagesPerOperation = 294_912;

    /// <summary>How many times more pages the baseline reads per operation.</summary>
    private const int BaselineRepeats = 10;

    private SharingSpace _snapshot = null!;
    private SharingSpace _space = null!;
    private int _passes;

    /// <summary>The sample: hashes only, or 4 KiB contents.</summary>
    [Params("guest-ram.trace", "guest-ram-content.trace")]
    public string Sample { get; set; } = "";

    /// <summary>Loads the snapshots once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var trace = Trace.Open(Path.Combine(Path.GetDirectoryName(BenchmarkData.TracePath)!, Sample));
        var content = Sample.Contains("content", StringComparison.Ordinal);
        _snapshot = new SharingSpace(new SharingSettings());
        SnapshotLoader.Load(_snapshot, trace, 0, readContent: content);
        _passes = PagesPerOperation / _snapshot.PageCount;
    }

    /// <summary>A fresh copy of the snapshot, nothing merged.</summary>
    [IterationSetup]
    public void Fresh()
    {
        _space = new SharingSpace(_snapshot.Settings);
        for (var page = 0; page < _snapshot.PageCount; page++)
        {
            _snapshot.TryGetContent(page, out var content);
            _space.SetContent(_snapshot.VmOf(page), _snapshot.GfnOf(page), content);
        }
    }

    /// <summary>Each page's hash read (hash-only trace) or its bytes hashed (content trace), in scan order.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BaselineRepeats * PagesPerOperation)]
    public ulong HashOnly()
    {
        var sum = 0UL;
        for (var pass = 0; pass < BaselineRepeats * _passes; pass++)
        {
            foreach (var vm in _space.Vms)
            {
                foreach (var page in _space.PagesOf(vm))
                {
                    _space.TryGetContent(page, out var content);
                    sum += content.HasBytes ? PageHash.Compute(content.Bytes) : content.Hash;
                }
            }
        }

        return sum;
    }

    /// <summary>The <c>ksm</c> scanner.</summary>
    [Benchmark(OperationsPerInvoke = PagesPerOperation)]
    public long Ksm() => Run(new KsmSharingScanner(
        new KsmSharingOptions { PagesToScan = _space.PageCount }, new HostPluginContext(1, 1)));

    /// <summary>The <c>esx</c> scanner.</summary>
    [Benchmark(OperationsPerInvoke = PagesPerOperation)]
    public long Esx() => Run(new EsxSharingScanner(
        new EsxSharingOptions
        {
            PagesPerVm = _space.Vms.Max(vm => _space.PagesOf(vm).Length),
            PagesTotal = _space.PageCount,
        },
        new HostPluginContext(1, 1)));

    private long Run(ISharingScanner scanner)
    {
        for (var pass = 0; pass < _passes; pass++)
        {
            scanner.Scan(_space);
        }

        return _space.Counters.Saved;
    }
}
