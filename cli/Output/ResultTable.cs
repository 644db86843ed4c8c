using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MemFw.Cli.Output;

/// <summary>
/// Rows of results with typed cells, printed in any <see cref="TableFormat"/> by one writer, so every command's
/// table, CSV, JSON and Markdown agree column for column.
/// </summary>
/// <param name="columns">Each column's snake_case key (JSON, CSV header) and its heading for people.</param>
internal sealed class ResultTable(IReadOnlyList<(string Key, string Heading)> columns)
{
    private readonly List<object[]> _rows = [];

    /// <summary>Adds a row; cells are strings, integers or doubles, one per column.</summary>
    public void Add(params object[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"expected {columns.Count} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table in <paramref name="format"/>.</summary>
    public void Write(TextWriter output, TableFormat format)
    {
        switch (format)
        {
            case TableFormat.Json:
                WriteJson(output);
                break;
            case TableFormat.Csv:
                output.WriteLine(string.Join(',', columns.Select(c => c.Key)));
                foreach (var row in _rows)
                {
                    output.WriteLine(string.Join(',', row.Select(c => Csv(Text(c, grouped: false)))));
                }

                break;
            case TableFormat.Markdown:
                output.WriteLine($"| {string.Join(" | ", columns.Select(c => c.Heading))} |");
                output.WriteLine($"|{string.Join("|", columns.Select((_, i) => IsNumeric(i) ? "---:" : "---"))}|");
                foreach (var row in _rows)
                {
                    output.WriteLine($"| {string.Join(" | ", row.Select(c => Text(c, grouped: true)))} |");
                }

                break;
            default:
                WriteAligned(output);
                break;
        }
    }

    private void WriteAligned(TextWriter output)
    {
        var cells = _rows.Select(r => r.Select(c => Text(c, grouped: true)).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Heading.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length)))
            .ToArray();
        string Line(IReadOnlyList<string> values) => string.Join("  ",
            values.Select((v, i) => IsNumeric(i) ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(columns.Select(c => c.Heading).ToList()));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row));
        }
    }

    private void WriteJson(TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in _rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    json.WritePropertyName(columns[i].Key);
                    switch (row[i])
                    {
                        case long l:
                            json.WriteNumberValue(l);
                            break;
                        case int n:
                            json.WriteNumberValue(n);
                            break;
                        case double d:
                            json.WriteNumberValue(Math.Round(d, 6));
                            break;
                        default:
                            json.WriteStringValue(row[i].ToString());
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private bool IsNumeric(int column) => _rows.Count > 0 && _rows[0][column] is long or int or double;

    private static string Text(object cell, bool grouped) => cell switch
    {
        long l => l.ToString(grouped ? "N0" : "D", CultureInfo.InvariantCulture),
        int n => n.ToString(grouped ? "N0" : "D", CultureInfo.InvariantCulture),
        double d => d.ToString("0.000000", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
