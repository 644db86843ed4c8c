using BenchmarkDotNet.Attributes;
using MemFw.Traces.Format;
using MemFw.Traces.Import;

namespace MemFw.Benchmarks.Traces;

/// <summary>Import throughput of the qemu importer, as a ratio against reading the same raw records in the same run.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    private string _scratch = "";
    private string _raw = "";
    private int _run;

    /// <summary>Writes the bundled sample's accesses as a raw QEMU capture once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scratch = BenchmarkData.Scratch();
        _raw = Path.Combine(_scratch, "capture.qemu");
        RawRecords.Write(Trace.Open(BenchmarkData.TracePath), _raw);
    }

    /// <summary>Deletes the scratch folder.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_scratch, recursive: true);

    /// <summary>Reading the raw capture: the ceiling.</summary>
    [Benchmark(Baseline = true)]
    public ulong RawRecordsRead() => RawRecords.Read(_raw);

    /// <summary>Importing the raw capture into a Parquet trace.</summary>
    [Benchmark]
    public long ImportQemu()
    {
        var output = Path.Combine(_scratch, $"out-{_run++}.trace");
        var result = TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [new InputSpec("guest", null, _raw)],
            Output = output,
        });
        Directory.Delete(output, recursive: true);
        return result.Accesses;
    }
}
