using BenchmarkDotNet.Attributes;
using MemFw.Framework.Replay;
using MemFw.Traces.Format;

namespace MemFw.Benchmarks.Traces;

/// <summary>
/// Streaming reads of a trace's accesses, as ratios against reading the same accesses as raw 16-byte records: the
/// Parquet columns a replay needs, all columns, and the derived replay form that replays actually stream.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TraceReadBenchmarks
{
    private string _scratch = "";
    private string _raw = "";
    private Trace _trace = null!;
    private ReplayForm _form = null!;
    private AccessBatch _batch = null!;

    /// <summary>Derives the raw file and the replay form once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trace = Trace.Open(BenchmarkData.TracePath);
        _scratch = BenchmarkData.Scratch();
        _raw = Path.Combine(_scratch, "accesses.qemu");
        RawRecords.Write(_trace, _raw);
        _form = ReplayForm.Build(_trace, []);
        _batch = new AccessBatch();
    }

    /// <summary>Deletes the derived files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _form.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    /// <summary>Raw 16-byte records from the page cache: the ceiling.</summary>
    [Benchmark(Baseline = true)]
    public ulong RawRecordsRead() => RawRecords.Read(_raw);

    /// <summary>The Parquet columns a replay decodes: vm, gpa, kind, io.</summary>
    [Benchmark]
    public ulong ParquetReplayColumns() => ReadParquet(AccessColumns.Replay);

    /// <summary>Every Parquet column.</summary>
    [Benchmark]
    public ulong ParquetAllColumns() => ReadParquet(AccessColumns.All);

    /// <summary>The replay form (32-bit dense page entries) that every replay streams.</summary>
    [Benchmark]
    public ulong ReplayFormRead()
    {
        using var reader = _form.OpenReader();
        var sum = 0UL;
        for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
        {
            foreach (var entry in block)
            {
                sum += entry >> 1;
            }
        }

        return sum;
    }

    /// <summary>Deriving the replay form from the Parquet trace (done once per command).</summary>
    [Benchmark]
    public long ReplayFormBuild()
    {
        using var form = ReplayForm.Build(_trace, []);
        return form.AccessCount;
    }

    private ulong ReadParquet(AccessColumns columns)
    {
        using var reader = _trace.OpenAccesses(columns);
        var sum = 0UL;
        while (reader.Read(_batch) > 0)
        {
            foreach (var gpa in _batch.Gpa)
            {
                sum += gpa >> 12;
            }
        }

        return sum;
    }
}
