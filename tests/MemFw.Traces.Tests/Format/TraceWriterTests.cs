using MemFw.Traces.Format;
using MemFw.Traces.Tests.TestSupport;

namespace MemFw.Traces.Tests.Format;

public sealed class TraceWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _parent;
    private readonly string _target;

    public TraceWriterTests()
    {
        _parent = _temp.CreateSubdirectory("parent");
        _target = Path.Combine(_parent, "trace");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Commit_WritesTheFolderWithMetadataAndAccesses()
    {
        using (var writer = new TraceWriter(_target, overwrite: false))
        {
            writer.Accesses.Add(0, 0, 0, 0x1000, 0x2000, AccessKind.Write, 8, false);
            writer.Commit(Metadata());
        }

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        Assert.Equal([TraceFormat.AccessesFile, TraceFormat.MetadataFile], TempDirectory.Entries(_target));
        Assert.Equal([new Access(0, 0, 0, 0x1000, 0x2000, Access.Write, 8, false)], TraceFiles.ReadAccesses(_target));
    }

    [Fact]
    public void Commit_WithoutAccesses_WritesAnEmptyAccessesTable()
    {
        using (var writer = new TraceWriter(_target, overwrite: false))
        {
            writer.Commit(Metadata());
        }

        Assert.Empty(TraceFiles.ReadAccesses(_target));
        Assert.False(Trace.Open(_target).HasPages);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesNothingBehind()
    {
        using (var writer = new TraceWriter(_target, overwrite: false))
        {
            writer.Accesses.Add(0, 0, 0, 1, 1, AccessKind.Read, 1, false);
            writer.StartPages(storeContent: true).AddPage(0, 0, 0, new byte[4096]);
            Assert.Single(TempDirectory.Entries(_parent)); // the temporary folder
            Assert.False(Directory.Exists(_target));
        }

        Assert.Empty(TempDirectory.Entries(_parent));
    }

    [Fact]
    public void Dispose_WithoutCommitOverAnExistingTrace_LeavesItByteIdentical()
    {
        using (var first = new TraceWriter(_target, overwrite: false))
        {
            first.Accesses.Add(5, 0, 0, 1, 1, AccessKind.Read, 1, false);
            first.Commit(Metadata());
        }

        var before = TempDirectory.Snapshot(_target);
        using (var second = new TraceWriter(_target, overwrite: true))
        {
            second.Accesses.Add(7, 0, 0, 2, 2, AccessKind.Write, 2, false);
        }

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        var after = TempDirectory.Snapshot(_target);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, f => Assert.Equal(f.Value, after[f.Key]));
    }

    [Fact]
    public void Commit_WithOverwrite_ReplacesTheExistingFolderWhole()
    {
        Directory.CreateDirectory(_target);
        File.WriteAllText(Path.Combine(_target, "stale.txt"), "old");

        using (var writer = new TraceWriter(_target, overwrite: true))
        {
            writer.Commit(Metadata());
        }

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
        Assert.Equal([TraceFormat.AccessesFile, TraceFormat.MetadataFile], TempDirectory.Entries(_target));
    }

    [Fact]
    public void Constructor_ExistingTargetWithoutOverwrite_Throws()
    {
        Directory.CreateDirectory(_target);

        var e = Assert.Throws<TraceInputException>(() => new TraceWriter(_target, overwrite: false));

        Assert.Contains("--force", e.Message, StringComparison.Ordinal);
        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
    }

    [Fact]
    public void Constructor_TrailingSlash_WritesTheSameFolder()
    {
        using (var writer = new TraceWriter(_target + "/", overwrite: false))
        {
            writer.Commit(Metadata());
        }

        Assert.Equal(["trace"], TempDirectory.Entries(_parent));
    }

    [Fact]
    public void Constructor_MissingParent_CreatesIt()
    {
        var nested = Path.Combine(_parent, "a", "b", "trace");

        using (var writer = new TraceWriter(nested, overwrite: false))
        {
            writer.Commit(Metadata());
        }

        Assert.True(File.Exists(Path.Combine(nested, TraceFormat.MetadataFile)));
    }

    [Fact]
    public void StartPages_Twice_Throws()
    {
        using var writer = new TraceWriter(_target, overwrite: false);
        writer.StartPages(storeContent: true);

        Assert.Throws<InvalidOperationException>(() => writer.StartPages(storeContent: true));
    }

    private static TraceMetadata Metadata() => new()
    {
        FormatVersion = TraceFormat.Version,
        TimeUnit = TimeUnit.Ordinal,
        CreatedBy = "MemFw.Traces.Tests",
        Vms = [new VmDescriptor { Id = 0, Name = "g", AddressMode = AddressMode.Translated }],
    };
}
