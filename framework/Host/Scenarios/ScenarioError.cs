using System.Globalization;
using MemFw.Traces.Format;
using YamlDotNet.Core;

namespace MemFw.Framework.Host.Scenarios;

/// <summary>Builds the one-line errors of a scenario file: file, line and column, key, and what was expected.</summary>
internal static class ScenarioError
{
    /// <summary>
    /// The error at <paramref name="mark"/> about <paramref name="key"/> (such as <c>vms[1].limit</c>).
    /// </summary>
    public static TraceInputException At(string file, Mark mark, string key, string problem) =>
        new(file, Location(mark), key.Length == 0 ? problem : $"{key}: {problem}");

    /// <summary>The same, wrapping the error that caused it.</summary>
    public static TraceInputException At(string file, Mark mark, string key, string problem, Exception inner) =>
        new(file, Location(mark), key.Length == 0 ? problem : $"{key}: {problem}", inner);

    private static string Location(Mark mark) =>
        string.Create(CultureInfo.InvariantCulture, $"line {mark.Line}, column {mark.Column}");
}
