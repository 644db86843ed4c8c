namespace MemFw.Generators.Tests;

/// <summary>The generator never throws: an unexpected exception becomes MEMFW000.</summary>
public sealed class GuardTests
{
    [Fact]
    public void Run_BodyThrows_ReturnsMemfw000NamingTheSubjectAndTheException()
    {
        var failure = Guard.Run("Lab.Broken", null, () => throw new InvalidOperationException("boom"));

        Assert.NotNull(failure);
        var diagnostic = Diagnostics.ToDiagnostic(failure);
        Assert.Equal("MEMFW000", diagnostic.Id);
        Assert.Equal(
            "The MemFw generator failed on 'Lab.Broken' with System.InvalidOperationException: boom",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Run_BodyCompletes_ReturnsNull() => Assert.Null(Guard.Run("Lab.Fine", null, () => { }));

    [Fact]
    public void Run_Cancelled_Propagates() =>
        Assert.Throws<OperationCanceledException>(() =>
            Guard.Run("Lab.Fine", null, () => throw new OperationCanceledException()));
}
