using System.Text.Json.Nodes;
using MemFw.Traces.Format;
using MemFw.Traces.Import;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

/// <summary>Opening trace folders and their metadata.json.</summary>
public sealed class TraceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_ImportedTrace_MetadataIsSnakeCaseJson()
    {
        var path = Import();

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(path, TraceFormat.MetadataFile)))!.AsObject();

        Assert.Equal(["format_version", "time_unit", "vms", "created_by", "description"], json.Select(p => p.Key));
        Assert.Equal(1, (int)json["format_version"]!);
        Assert.Equal("ordinal", (string)json["time_unit"]!);
        Assert.Equal("imported for a test", (string)json["description"]!);
        var vm = json["vms"]![0]!.AsObject();
        Assert.Equal(["id", "name", "page_size", "vcpus", "address_mode", "sources"], vm.Select(p => p.Key));
        Assert.Equal("translated", (string)vm["address_mode"]!);
        var source = vm["sources"]![0]!.AsObject();
        Assert.Equal(["format", "file", "capture"], source.Select(p => p.Key));
        Assert.Equal(Fixture.Qemu, (string)source["file"]!);
    }

    [Fact]
    public void Open_MetadataRoundTrips()
    {
        var path = Import();
        var json = File.ReadAllText(Path.Combine(path, TraceFormat.MetadataFile));

        var metadata = Trace.Open(path).Metadata;

        Assert.Equal(1, metadata.FormatVersion);
        Assert.Equal("imported for a test", metadata.Description);
        Assert.Equal("linux-guest-1s", Assert.Single(metadata.Vms).Name);
        Assert.EndsWith("\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFolder_Throws()
    {
        var path = _temp.Combine("nothing");

        var e = Assert.Throws<TraceInputException>(() => Trace.Open(path));

        Assert.Equal(path, e.File);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_File_ThrowsExpectingAFolder()
    {
        var path = Fixture.Path(Fixture.Qemu);

        var e = Assert.Throws<TraceInputException>(() => Trace.Open(path));

        Assert.Contains("expected a trace folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FolderWithoutMetadata_ThrowsNamingTheMetadataFile()
    {
        var path = _temp.CreateSubdirectory("empty");

        var e = Assert.Throws<TraceInputException>(() => Trace.Open(path));

        Assert.Equal(Path.Combine(path, TraceFormat.MetadataFile), e.File);
    }

    [Fact]
    public void Open_MalformedMetadata_ThrowsNamingTheLine()
    {
        var path = Import();
        var file = Path.Combine(path, TraceFormat.MetadataFile);
        var lines = File.ReadAllLines(file);
        lines[2] = "  \"time_unit\": ordinal,";
        File.WriteAllLines(file, lines);

        var e = Assert.Throws<TraceInputException>(() => Trace.Open(path));

        Assert.Equal(file, e.File);
        Assert.Equal("line 3", e.Location);
    }

    [Fact]
    public void Open_MetadataWithoutARequiredKey_Throws()
    {
        var path = Import();
        var file = Path.Combine(path, TraceFormat.MetadataFile);
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json.Remove("vms");
        File.WriteAllText(file, json.ToJsonString());

        var e = Assert.Throws<TraceInputException>(() => Trace.Open(path));

        Assert.Equal(file, e.File);
        Assert.Contains("vms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MetadataWithUnknownKeys_IgnoresThem()
    {
        var path = Import();
        var file = Path.Combine(path, TraceFormat.MetadataFile);
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json["added_later"] = "x";
        File.WriteAllText(file, json.ToJsonString());

        Assert.Equal("linux-guest-1s", Assert.Single(Trace.Open(path).Metadata.Vms).Name);
    }

    [Theory]
    [InlineData("linux-guest-1s", true)]
    [InlineData("0", true)]
    [InlineData("1", false)]
    [InlineData("linux", false)]
    public void FindVm_NameOrId_FindsTheVm(string nameOrId, bool found)
    {
        var trace = Trace.Open(Import());

        Assert.Equal(found, trace.FindVm(nameOrId) is not null);
    }

    private string Import()
    {
        var path = _temp.Combine("trace");
        TraceImporter.Import(new ImportOptions
        {
            Format = ImportFormat.Qemu,
            Inputs = [InputSpec.Parse(Fixture.Path(Fixture.Qemu))],
            Output = path,
            Description = "imported for a test",
        });
        return path;
    }
}
