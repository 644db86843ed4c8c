namespace MemFw.Cli.Tests;

/// <summary>Paths inside the repository the tests run from: the bundled samples and the test plugins' build folders.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding MemFw.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A bundled sample trace, e.g. <c>linux-guest.trace</c>.</summary>
    public static string Sample(string name) => Path.Combine(Root, "traces", "samples", name);

    /// <summary>
    /// The build output folder of the plugin project in <paramref name="projectFolder"/> (relative to the root), for the
    /// same configuration, framework and runtime as this test assembly.
    /// </summary>
    public static string PluginBuild(string projectFolder)
    {
        var testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var bin = testDir.LastIndexOf($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        var suffix = testDir[(bin + 1)..];
        var folder = Path.Combine(Root, projectFolder, suffix);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"{folder}: build {projectFolder} first (the test project references it)");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MemFw.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the MemFw repository");
    }
}
