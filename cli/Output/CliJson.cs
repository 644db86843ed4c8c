using System.Text.Json;
using System.Text.Json.Serialization;
using MemFw.Framework.Content.Analysis;
using MemFw.Framework.Content.Migration;
using MemFw.Traces.Inspection;

namespace MemFw.Cli.Output;

/// <summary>The JSON the CLI prints for scripts: snake_case keys, enum names as strings, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TraceSummary))]
[JsonSerializable(typeof(ValidationResult))]
[JsonSerializable(typeof(ReplaySummary))]
[JsonSerializable(typeof(HostRunSummary))]
[JsonSerializable(typeof(MigrationEstimate))]
[JsonSerializable(typeof(PageContentReport))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Writes <paramref name="value"/> as indented JSON and a newline.</summary>
    public static void Write<T>(TextWriter output, T value)
    {
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Default.GetTypeInfo(typeof(T))!;
        output.WriteLine(JsonSerializer.Serialize(value, info));
    }
}
