using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemFw.Traces.Format;

/// <summary>Reads and writes <c>metadata.json</c> with snake_case keys and enum names, without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(TraceMetadata))]
internal sealed partial class TraceMetadataJson : JsonSerializerContext
{
    /// <summary>Serializes metadata as indented UTF-8 JSON ending in a newline.</summary>
    public static byte[] Serialize(TraceMetadata metadata)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(metadata, Default.TraceMetadata);
        return [.. json, (byte)'\n'];
    }

    /// <summary>Parses metadata, turning any JSON error into a <see cref="TraceInputException"/>.</summary>
    public static TraceMetadata Deserialize(string path)
    {
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, Default.TraceMetadata)
                ?? throw new TraceInputException(path, "", "expected a JSON object, found null");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}" : "";
            throw new TraceInputException(path, where, $"expected trace metadata: {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
