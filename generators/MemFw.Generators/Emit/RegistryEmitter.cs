using System.Collections.Generic;
using System.Linq;
using MemFw.Generators.Model;

namespace MemFw.Generators.Emit;

/// <summary>
/// Emits <c>MemFwPluginRegistry.g.cs</c>: the assembly's <c>IPluginRegistry</c>, its plugins of each kind in name
/// order, and the assembly attribute through which a host finds it.
/// </summary>
/// <remarks>
/// <c>ReplacementPolicies</c> is always implemented (empty when the assembly has none); another kind's list
/// (<c>VictimSelectors</c>, ..., <c>CompressionCodecs</c>) only when the assembly has plugins of that kind, the
/// interface's default being an empty list.
/// </remarks>
internal static class RegistryEmitter
{
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    /// <summary>The file's hint name.</summary>
    public const string HintName = GeneratedCode.Registry + ".g.cs";

    /// <summary>The registry source for <paramref name="registry"/>.</summary>
    public static string Emit(RegistryModel registry)
    {
        var w = GeneratedCode.StartFile();
        var registryType = GeneratedCode.Qualified(GeneratedCode.Registry);
        w.Line($"[assembly: {FrameworkTypes.PluginRegistryAttribute}(typeof({registryType}))]");
        w.Line();
        w.Open($"namespace {GeneratedCode.Namespace}");
        w.Line("/// <summary>The plugins of this assembly, found at compile time by the MemFw generator.</summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open($"internal sealed class {GeneratedCode.Registry} : {FrameworkTypes.PluginRegistry}");
        var kinds = PluginKindExtensions.All
            .Select(kind => (Kind: kind, Plugins: registry.Plugins.Where(p => p.Kind == kind).ToList()))
            .Where(k => k.Kind == PluginKind.ReplacementPolicy || k.Plugins.Count > 0)
            .ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            WriteList(w, kinds[i].Kind, kinds[i].Plugins);
        }

        foreach (var (kind, _) in kinds)
        {
            var (property, field, _) = Member(kind);
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public {ReadOnlyList}<{Descriptor(kind)}> {property} => {field};");
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The registry property of <paramref name="kind"/>, its field and the kind in the plural.</summary>
    private static (string Property, string Field, string Plural) Member(PluginKind kind) => kind switch
    {
        PluginKind.VictimSelector => ("VictimSelectors", "s_victimSelectors", "victim selectors"),
        PluginKind.BalloonStrategy => ("BalloonStrategies", "s_balloonStrategies", "balloon strategies"),
        PluginKind.WorkingSetEstimator => ("WorkingSetEstimators", "s_workingSetEstimators", "working-set estimators"),
        PluginKind.CompressionCodec => ("CompressionCodecs", "s_compressionCodecs", "compression codecs"),
        PluginKind.SharingScanner => ("SharingScanners", "s_sharingScanners", "sharing scanners"),
        PluginKind.BackingStore => ("BackingStores", "s_backingStores", "backing stores"),
        _ => ("ReplacementPolicies", "s_replacementPolicies", "replacement policies"),
    };

    /// <summary>The registry entry type of <paramref name="kind"/>.</summary>
    private static string Descriptor(PluginKind kind) => kind.IsHostKind()
        ? $"{FrameworkTypes.HostPluginDescriptor}<{FrameworkTypes.Contract(kind)}>"
        : FrameworkTypes.PluginDescriptor;

    private static void WriteList(SourceWriter w, PluginKind kind, List<PluginModel> plugins)
    {
        var (_, field, plural) = Member(kind);
        var descriptor = Descriptor(kind);
        w.Line($"/// <summary>The {plural}, in name order.</summary>");
        if (plugins.Count == 0)
        {
            w.Line($"private static readonly {descriptor}[] {field} = global::System.Array.Empty<{descriptor}>();");
            return;
        }

        w.Open($"private static readonly {descriptor}[] {field} =");
        foreach (var plugin in plugins)
        {
            if (kind.IsHostKind())
            {
                WriteHostDescriptor(w, descriptor, plugin);
            }
            else
            {
                WriteDescriptor(w, plugin);
            }
        }

        w.Close(";");
    }

    private static void WriteDescriptor(SourceWriter w, PluginModel plugin)
    {
        w.Line($"new {FrameworkTypes.PluginDescriptor}(").Indent();
        WriteNameAndDescription(w, plugin);
        w.Line($"Offline: {(plugin.Offline ? "true" : "false")},");
        w.Line($"TypeName: {GeneratedCode.Literal(plugin.TypeName)},");
        WriteOptions(w, plugin);
        var runner = GeneratedCode.Qualified(GeneratedCode.Runner(plugin));
        var binder = GeneratedCode.Qualified(GeneratedCode.OptionBinder(plugin));
        w.Line(plugin.Options is null
            ? $"Bind: static values => {{ {binder}.Bind(values); return new {runner}(); }}),"
            : $"Bind: static values => new {runner}({binder}.Bind(values))),");
        w.Outdent();
    }

    /// <summary>
    /// A host plugin's entry: <c>Bind</c> binds (and so validates) the options at once and returns a factory that
    /// creates a plugin per call with those options and the given <c>HostPluginContext</c>.
    /// </summary>
    private static void WriteHostDescriptor(SourceWriter w, string descriptor, PluginModel plugin)
    {
        w.Line($"new {descriptor}(").Indent();
        WriteNameAndDescription(w, plugin);
        w.Line($"TypeName: {GeneratedCode.Literal(plugin.TypeName)},");
        WriteOptions(w, plugin);
        var binder = GeneratedCode.Qualified(GeneratedCode.OptionBinder(plugin));
        var arguments = plugin.ConstructorArguments.Select(a => a == ConstructorArgument.Options
            ? "options"
            : "context");
        w.Open("Bind: static values =>");
        w.Line(plugin.Options is null ? $"{binder}.Bind(values);" : $"var options = {binder}.Bind(values);");
        w.Line($"return {(plugin.Options is null ? "static " : "")}context => "
            + $"new {plugin.FullyQualifiedType}({string.Join(", ", arguments)});");
        w.Close("),");
        w.Outdent();
    }

    private static void WriteNameAndDescription(SourceWriter w, PluginModel plugin)
    {
        w.Line($"Name: {GeneratedCode.Literal(plugin.Name)},");
        w.Line($"Description: {GeneratedCode.Literal(plugin.Description)},");
        w.Line($"Source: {GeneratedCode.Literal(plugin.Source)},");
    }

    private static void WriteOptions(SourceWriter w, PluginModel plugin)
    {
        var options = plugin.Options?.Properties ?? EquatableArray<OptionModel>.Empty;
        if (options.IsEmpty)
        {
            w.Line($"Options: global::System.Array.Empty<{FrameworkTypes.OptionDescriptor}>(),");
            return;
        }

        w.Open($"Options: new {FrameworkTypes.OptionDescriptor}[]");
        foreach (var option in options)
        {
            var arguments = new[] { option.OptionName, option.TypeName, option.DefaultValue, option.Description }
                .Select(GeneratedCode.Literal);
            w.Line($"new {FrameworkTypes.OptionDescriptor}({string.Join(", ", arguments)}),");
        }

        w.Close(",");
    }
}
