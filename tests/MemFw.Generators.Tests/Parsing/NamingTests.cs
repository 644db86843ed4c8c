using MemFw.Generators.Parsing;

namespace MemFw.Generators.Tests.Parsing;

/// <summary>Option names and generated-type identifiers.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("TickPeriod", "tick-period")]
    [InlineData("Kin", "kin")]
    [InlineData("MaxIOSize", "max-io-size")]
    [InlineData("Lru2Queue", "lru2-queue")]
    [InlineData("Write_Weight", "write-weight")]
    [InlineData("bits", "bits")]
    public void ToKebabCase_PropertyName_GivesOptionName(string property, string option) =>
        Assert.Equal(option, Naming.ToKebabCase(property));

    [Theory]
    [InlineData("A.B_C", "A_B_0C")]
    [InlineData("A_B.C", "A_0B_C")]
    [InlineData("A.B+C", "A_B_1C")]
    [InlineData("A_B_C", "A_0B_0C")]
    public void Identifier_UnderscoreDotOrNesting_EncodedDistinctly(string metadataName, string identifier)
    {
        var compilation = GeneratorHarness.Compile("""
            namespace A { public class B_C { } }
            namespace A_B { public class C { } }
            namespace A { public class B { public class C { } } }
            public class A_B_C { }
            """);

        Assert.Equal(identifier, Naming.Identifier(compilation.GetTypeByMetadataName(metadataName)!));
    }
}
