using System.Reflection;
using MemFw.Framework.Content.Compression;
using MemFw.Framework.Host;
using MemFw.Framework.Plugins;
using MemFw.Plugins.Host.VictimSelection;

namespace MemFw.Plugins.Tests.Host;

/// <summary>
/// What the generator will need of every plugin created with a <see cref="HostPluginContext"/> (host policies and
/// compression codecs), checked over all of them found by attribute: sealed, one kind attribute with a unique
/// kebab-case name, a description and a source, the kind's interface, and one public constructor taking only its
/// options record and/or <see cref="HostPluginContext"/>.
/// </summary>
public sealed class HostPluginContractTests
{
    private static readonly (Type Attribute, Type Contract, string Suffix)[] s_kinds =
    [
        (typeof(VictimSelectorAttribute), typeof(IVictimSelector), "Selector"),
        (typeof(BalloonStrategyAttribute), typeof(IBalloonStrategy), "Strategy"),
        (typeof(WorkingSetEstimatorAttribute), typeof(IWorkingSetEstimator), "Estimator"),
        (typeof(CompressionCodecAttribute), typeof(ICompressionCodec), "Codec"),
    ];

    [Theory]
    [InlineData(0, 6)]
    [InlineData(1, 4)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    public void Plugins_EveryHostPlugin_SealedNamedAndConstructible(int kind, int count)
    {
        var (attributeType, contract, suffix) = s_kinds[kind];
        var types = typeof(IdleTaxSelector).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute(attributeType) is not null).ToArray();

        Assert.Equal(count, types.Length);
        var names = new List<string>();
        foreach (var type in types)
        {
            Assert.True(type.IsSealed, type.Name);
            Assert.True(contract.IsAssignableFrom(type), type.Name);
            Assert.EndsWith(suffix, type.Name, StringComparison.Ordinal);
            Assert.Single(type.GetCustomAttributes(), a => s_kinds.Any(k => k.Attribute == a.GetType()));
            var attribute = type.GetCustomAttribute(attributeType)!;
            var name = (string)attributeType.GetProperty("Name")!.GetValue(attribute)!;
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", name);
            Assert.NotEmpty((string)attributeType.GetProperty("Description")!.GetValue(attribute)!);
            Assert.NotEmpty((string)attributeType.GetProperty("Source")!.GetValue(attribute)!);
            names.Add(name);
            var options = type.Name[..^suffix.Length] + "Options";
            var parameters = Assert.Single(type.GetConstructors()).GetParameters();
            Assert.All(parameters, p => Assert.True(p.ParameterType == typeof(HostPluginContext)
                || (p.ParameterType.Name == options && p.ParameterType.IsSealed), type.Name));
        }

        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
