namespace MemFw.Benchmarks;

/// <summary>
/// Where benchmarks find their input: the bundled real QEMU sample unless MEMFW_BENCH_TRACE names another trace, and
/// the bundled real RAM snapshots with page contents unless MEMFW_BENCH_PAGES names another trace.
/// </summary>
internal static class BenchmarkData
{
    /// <summary>The trace folder whose accesses to measure.</summary>
    public static string TracePath => FromEnvironment("MEMFW_BENCH_TRACE", "linux-guest.trace");

    /// <summary>The trace folder whose page contents to measure.</summary>
    public static string PagesTracePath => FromEnvironment("MEMFW_BENCH_PAGES", "guest-ram-content.trace");

    /// <summary>
    /// The trace whose page contents codecs are measured on: the bundled real RAM sample unless
    /// MEMFW_BENCH_CONTENT_TRACE names another trace with page contents.
    /// </summary>
    public static string ContentTracePath =>
        Environment.GetEnvironmentVariable("MEMFW_BENCH_CONTENT_TRACE") is { Length: > 0 } path
            ? path
            : Path.Combine(RepositoryRoot(), "traces", "samples", "guest-ram-content.trace");

    /// <summary>A fresh scratch folder for files a benchmark derives.</summary>
    public static string Scratch() => Directory.CreateTempSubdirectory("memfw-bench-").FullName;

    private static string FromEnvironment(string variable, string sample) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path
            ? path
            : Path.Combine(RepositoryRoot(), "traces", "samples", sample);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MemFw.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            "run the benchmarks from inside the MemFw repository or set MEMFW_BENCH_TRACE and MEMFW_BENCH_PAGES");
    }
}
