using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MemFw.Benchmarks.Content;

/// <summary>A column of <see cref="CodecBenchmarks"/> computed from a row's codec and mean time.</summary>
/// <param name="name">The column's header.</param>
/// <param name="legend">What it shows, for the legend under the table.</param>
/// <param name="value">The text of a row from its codec and its mean time in nanoseconds.</param>
/// <param name="codecRowsOnly">Whether the baseline (memcpy) rows show a dash instead.</param>
internal sealed class CodecColumn(string name, string legend, Func<string, double, string> value, bool codecRowsOnly)
    : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(CodecColumn) + "." + name;

    /// <inheritdoc/>
    public string ColumnName => name;

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => legend;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (summary[benchmarkCase]?.ResultStatistics?.Mean is not { } mean
            || (codecRowsOnly && benchmarkCase.Descriptor.Baseline))
        {
            return "-";
        }

        return value((string)benchmarkCase.Parameters[nameof(CodecBenchmarks.Codec)], mean);
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;
}
