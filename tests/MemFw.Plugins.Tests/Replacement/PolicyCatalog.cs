using System.Reflection;
using MemFw.Framework.Plugins;
using MemFw.Framework.Replacement;
using MemFw.Plugins.Replacement;

namespace MemFw.Plugins.Tests.Replacement;

/// <summary>A replacement policy as the tests create it: its name, whether it is offline, and a factory.</summary>
internal sealed record PolicyEntry(string Name, bool Offline, Func<ReplacementContext, IReplacementPolicy> Create)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every replacement policy in the plugins assembly, found by its attribute (as the generated registry will be) and
/// created with default options, so the contract tests cover a new plugin without being edited.
/// </summary>
internal static class PolicyCatalog
{
    public static IReadOnlyList<Type> Types { get; } = typeof(FifoPolicy).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<ReplacementPolicyAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<PolicyEntry> All { get; } = Types.Select(Entry).ToArray();

    /// <summary>The names of all policies, for theories.</summary>
    public static TheoryData<string> Names => new(All.Select(e => e.Name));

    public static PolicyEntry Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The entry of <typeparamref name="TPolicy"/>, created by <paramref name="create"/>.</summary>
    public static PolicyEntry Of<TPolicy>(Func<ReplacementContext, TPolicy> create)
        where TPolicy : IReplacementPolicy
    {
        var attribute = typeof(TPolicy).GetCustomAttribute<ReplacementPolicyAttribute>()!;
        return new PolicyEntry(attribute.Name, attribute.Offline, c => create(c));
    }

    private static PolicyEntry Entry(Type type)
    {
        var attribute = type.GetCustomAttribute<ReplacementPolicyAttribute>()!;
        var constructor = type.GetConstructors().Single();
        return new PolicyEntry(attribute.Name, attribute.Offline, context =>
            (IReplacementPolicy)constructor.Invoke(constructor.GetParameters()
                .Select(p => p.ParameterType == typeof(ReplacementContext)
                    ? context
                    : Activator.CreateInstance(p.ParameterType)!)
                .ToArray()));
    }
}
