using MemFw.Cli.Tests;
using MemFw.Framework.Host.Scenarios;
using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Framework.Tests.Host.Scenarios;

/// <summary>Scenario files for the tests: the examples in scenarios/, small files in a temporary folder.</summary>
internal static class ScenarioFiles
{
    /// <summary>The path of an example scenario, e.g. <c>overcommit-3vm.yaml</c>.</summary>
    public static string Example(string name) => Path.Combine(RepositoryPaths.Root, "scenarios", name);

    /// <summary>
    /// Writes <paramref name="yaml"/> to <c>scenario.yaml</c> in <paramref name="folder"/>, with <c>{multi}</c>,
    /// <c>{linux}</c> and <c>{lackey}</c> replaced by the full paths of the bundled samples, and returns its path.
    /// </summary>
    public static string Write(TempDirectory folder, string yaml)
    {
        var text = yaml
            .Replace("{multi}", RepositoryPaths.Sample("multi-vm.trace"), StringComparison.Ordinal)
            .Replace("{linux}", RepositoryPaths.Sample("linux-guest.trace"), StringComparison.Ordinal)
            .Replace("{lackey}", RepositoryPaths.Sample("lackey.trace"), StringComparison.Ordinal);
        return folder.WriteLines("scenario.yaml", [text]);
    }

    /// <summary>Loads <paramref name="yaml"/> written as by <see cref="Write"/>.</summary>
    public static Scenario Load(string yaml)
    {
        using var folder = new TempDirectory();
        return ScenarioParser.Load(Write(folder, yaml));
    }

    /// <summary>
    /// Loads <paramref name="yaml"/>, which must fail, and checks the shape every scenario error has: one line naming
    /// the file, <c>line N, column C</c> with N = <paramref name="line"/>, and the problem starting with
    /// <paramref name="key"/> (none when empty: a YAML syntax error). Returns the error for further checks.
    /// </summary>
    public static TraceInputException Error(string yaml, int line, string key)
    {
        using var folder = new TempDirectory();
        var path = Write(folder, yaml);
        var error = Assert.Throws<TraceInputException>(() => ScenarioParser.Load(path));
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(path, error.File);
        Assert.Equal($"{path}: {error.Location}: {error.Problem}", error.Message);
        Assert.Matches($"^line {line}, column [0-9]+$", error.Location);
        if (key.Length > 0)
        {
            Assert.StartsWith($"{key}: ", error.Problem, StringComparison.Ordinal);
        }

        return error;
    }
}
