using System.Reflection;
using MemFw.Framework.Content.Sharing;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using MemFw.Plugins.Sharing;

namespace MemFw.Plugins.Tests.Sharing;

/// <summary>
/// What the generator will need of every sharing scanner, found by attribute: sealed, the contract, one unique
/// kebab-case name with a description and a source, and one constructor taking its options record and the context.
/// </summary>
public sealed class SharingScannerPluginTests
{
    [Fact]
    public void Plugins_EverySharingScanner_SealedNamedAndConstructible()
    {
        var types = typeof(KsmSharingScanner).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<SharingScannerAttribute>() is not null).ToArray();

        Assert.Equal(["esx", "ksm"], types.Select(t => t.GetCustomAttribute<SharingScannerAttribute>()!.Name).Order());
        foreach (var type in types)
        {
            var attribute = type.GetCustomAttribute<SharingScannerAttribute>()!;
            Assert.True(type.IsSealed, type.Name);
            Assert.True(typeof(ISharingScanner).IsAssignableFrom(type), type.Name);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", attribute.Name);
            Assert.NotEmpty(attribute.Description);
            Assert.NotEmpty(attribute.Source);
            var parameters = Assert.Single(type.GetConstructors()).GetParameters();
            Assert.Equal([type.Name[..^"Scanner".Length] + "Options", nameof(HostPluginContext)],
                parameters.Select(p => p.ParameterType.Name));
            Assert.True(parameters[0].ParameterType.IsSealed);
        }
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheOption()
    {
        Assert.Equal("pages-to-scan",
            Assert.Throws<ArgumentOutOfRangeException>(() => new KsmSharingOptions { PagesToScan = 0 }).ParamName);
        Assert.Equal("max-page-sharing",
            Assert.Throws<ArgumentOutOfRangeException>(() => new KsmSharingOptions { MaxPageSharing = 1 }).ParamName);
        Assert.Equal("sleep-milliseconds", Assert.Throws<ArgumentOutOfRangeException>(
            () => new KsmSharingOptions { SleepMilliseconds = 0 }).ParamName);
        Assert.Equal("pages-per-vm",
            Assert.Throws<ArgumentOutOfRangeException>(() => new EsxSharingOptions { PagesPerVm = 0 }).ParamName);
        Assert.Equal("pages-total",
            Assert.Throws<ArgumentOutOfRangeException>(() => new EsxSharingOptions { PagesTotal = 0 }).ParamName);
        Assert.Equal("period-milliseconds", Assert.Throws<ArgumentOutOfRangeException>(
            () => new EsxSharingOptions { PeriodMilliseconds = 0 }).ParamName);
    }

    [Fact]
    public void Options_Defaults_TheSourcesKnobs()
    {
        var ksm = new KsmSharingOptions();
        var esx = new EsxSharingOptions();

        Assert.Equal((100, 20, 256), (ksm.PagesToScan, ksm.SleepMilliseconds, ksm.MaxPageSharing));
        Assert.Equal((1000, 50, 200), (esx.PeriodMilliseconds, esx.PagesPerVm, esx.PagesTotal));
    }
}
