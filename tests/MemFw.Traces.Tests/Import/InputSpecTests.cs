using MemFw.Traces.Import;

namespace MemFw.Traces.Tests.Import;

public sealed class InputSpecTests
{
    [Theory]
    [InlineData("captures/vmA.t00.qemu", "vmA", "captures/vmA.t00.qemu")]
    [InlineData("L1a=captures/x.qemu", "L1a", "captures/x.qemu")]
    [InlineData("=captures/x.y.qemu", "x", "=captures/x.y.qemu")]
    [InlineData("dir=with/equals=in/name.qemu", "dir", "with/equals=in/name.qemu")]
    [InlineData("some/dir=x/name.qemu", "name", "some/dir=x/name.qemu")]
    [InlineData("plain", "plain", "plain")]
    public void Parse_NameAndPath_SplitsAtTheFirstEqualsBeforeAnySlash(string text, string vm, string path)
    {
        var spec = InputSpec.Parse(text);

        Assert.Equal(vm, spec.Vm);
        Assert.Null(spec.Time);
        Assert.Equal(path, spec.Path);
    }

    [Theory]
    [InlineData("A@start=x.raw", SnapshotAnchor.Start, 0)]
    [InlineData("A@end=x.raw", SnapshotAnchor.End, 0)]
    [InlineData("A@0=x.raw", SnapshotAnchor.Absolute, 0)]
    [InlineData("A@123456789=x.raw", SnapshotAnchor.Absolute, 123456789)]
    public void Parse_Time_GivesTheAnchorAndValue(string text, SnapshotAnchor anchor, long value)
    {
        var spec = InputSpec.Parse(text);

        Assert.Equal("A", spec.Vm);
        Assert.Equal(new SnapshotTime(anchor, value), spec.Time);
        Assert.Equal("x.raw", spec.Path);
    }

    [Fact]
    public void Parse_TimeWithoutName_NamesTheVmAfterTheFile()
    {
        var spec = InputSpec.Parse("@end=ram/vmB.t40.raw");

        Assert.Equal("vmB", spec.Vm);
        Assert.Equal(new SnapshotTime(SnapshotAnchor.End, 0), spec.Time);
    }

    [Theory]
    [InlineData("A@-1=x.raw")]
    [InlineData("A@soon=x.raw")]
    [InlineData("A@=x.raw")]
    public void Parse_BadTime_IsRefusedNamingTheInput(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => InputSpec.Parse(text));

        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }
}
