using ParquetSharp;

namespace MemFw.Traces.Format;

/// <summary>
/// The schema of one table of the format (column names and element types, in file order) and the writer settings
/// chosen for it, shared by the writer that creates the table and the reader that checks it.
/// </summary>
internal sealed class ParquetTable
{
    private readonly (string Name, Type Type, bool Delta)[] _columns;

    /// <summary>Creates a table schema named <paramref name="name"/> from (column, element type, delta-encoded).</summary>
    public ParquetTable(string name, params (string Name, Type Type, bool Delta)[] columns)
    {
        Name = name;
        _columns = columns;
    }

    /// <summary>The table's name, stored in the file's key-value metadata.</summary>
    public string Name { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Creates a file writer for this table at <paramref name="path"/>.</summary>
    /// <remarks>
    /// zstd at <see cref="TraceFormat.ZstdLevel"/>; time and address columns delta-encoded without a dictionary,
    /// small-valued columns dictionary/RLE-encoded (the Parquet default). FORMAT.md gives the measurements.
    /// </remarks>
    public ParquetFileWriter CreateWriter(string path)
    {
        var columns = _columns.Select(c => new Column(c.Type, c.Name, logicalTypeOverride: null)).ToArray();
        var builder = new WriterPropertiesBuilder()
            .Compression(Compression.Zstd)
            .CompressionLevel(TraceFormat.ZstdLevel)
            .CreatedBy($"MemFw trace format {TraceFormat.Version}");
        foreach (var column in _columns.Where(c => c.Delta))
        {
            builder = builder.DisableDictionary(column.Name).Encoding(column.Name, Encoding.DeltaBinaryPacked);
        }

        using var properties = builder.Build();
        var keyValues = new Dictionary<string, string>
        {
            [TraceFormat.VersionKey] = TraceFormat.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TraceFormat.TableKey] = Name,
        };
        return new ParquetFileWriter(path, columns, properties, keyValues);
    }

    /// <summary>Opens <paramref name="path"/> and checks that it holds this table in a known format version.</summary>
    /// <exception cref="TraceInputException">The file is missing, not Parquet, or has another schema.</exception>
    public ParquetFileReader OpenReader(string path)
    {
        if (!File.Exists(path))
        {
            throw new TraceInputException(path, "", "file not found");
        }

        ParquetFileReader reader;
        try
        {
            reader = new ParquetFileReader(path);
            _ = reader.FileMetaData.NumRows;
        }
        catch (ParquetException e)
        {
            throw new TraceInputException(path, "", $"expected a Parquet file (magic PAR1): {FirstLine(e.Message)}", e);
        }

        try
        {
            CheckSchema(reader, path);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private void CheckSchema(ParquetFileReader reader, string path)
    {
        var metadata = reader.FileMetaData;
        var keyValues = metadata.KeyValueMetadata;
        var expectedVersion = TraceFormat.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!keyValues.TryGetValue(TraceFormat.VersionKey, out var version) || version != expectedVersion)
        {
            throw new TraceInputException(path, "footer",
                $"expected key-value metadata {TraceFormat.VersionKey}={expectedVersion}, found {version ?? "none"}");
        }

        var schema = metadata.Schema;
        if (schema.NumColumns != _columns.Length)
        {
            throw new TraceInputException(path, "schema",
                $"expected {_columns.Length} columns ({string.Join(", ", _columns.Select(c => c.Name))}), " +
                $"found {schema.NumColumns}");
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var descriptor = schema.Column(i);
            var (name, type, _) = _columns[i];
            var found = descriptor.Name;
            var elementType = ElementType(descriptor);
            if (found != name || elementType != type)
            {
                throw new TraceInputException(path, $"column {i}",
                    $"expected '{name}' of type {type.Name}, found '{found}' of type {elementType?.Name ?? "unknown"}");
            }
        }
    }

    private static Type? ElementType(ColumnDescriptor descriptor)
    {
        try
        {
            return descriptor.GetSystemTypes(LogicalTypeFactory.Default, null).Item3;
        }
        catch (ParquetException)
        {
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
