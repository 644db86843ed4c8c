using System.Linq;
using MemFw.Generators.Model;

namespace MemFw.Generators.Emit;

/// <summary>
/// Emits <c>MemFwPluginRegistry.g.cs</c>: the assembly's <c>IPluginRegistry</c>, its plugins in name order, and the
/// assembly attribute through which a host finds it.
/// </summary>
internal static class RegistryEmitter
{
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
        w.Line("/// <summary>The replacement policies, in name order.</summary>");
        w.Open($"private static readonly {FrameworkTypes.PluginDescriptor}[] s_replacementPolicies =");
        foreach (var plugin in registry.Plugins)
        {
            WriteDescriptor(w, plugin);
        }

        w.Close(";");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public global::System.Collections.Generic.IReadOnlyList<" + FrameworkTypes.PluginDescriptor
            + "> ReplacementPolicies => s_replacementPolicies;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void WriteDescriptor(SourceWriter w, PluginModel plugin)
    {
        w.Line($"new {FrameworkTypes.PluginDescriptor}(").Indent();
        w.Line($"Name: {GeneratedCode.Literal(plugin.Name)},");
        w.Line($"Description: {GeneratedCode.Literal(plugin.Description)},");
        w.Line($"Source: {GeneratedCode.Literal(plugin.Source)},");
        w.Line($"Offline: {(plugin.Offline ? "true" : "false")},");
        w.Line($"TypeName: {GeneratedCode.Literal(plugin.TypeName)},");
        var options = plugin.Options?.Properties ?? EquatableArray<OptionModel>.Empty;
        if (options.IsEmpty)
        {
            w.Line($"Options: global::System.Array.Empty<{FrameworkTypes.OptionDescriptor}>(),");
        }
        else
        {
            w.Open($"Options: new {FrameworkTypes.OptionDescriptor}[]");
            foreach (var option in options)
            {
                var arguments = new[] { option.OptionName, option.TypeName, option.DefaultValue, option.Description }
                    .Select(GeneratedCode.Literal);
                w.Line($"new {FrameworkTypes.OptionDescriptor}({string.Join(", ", arguments)}),");
            }

            w.Close(",");
        }

        var runner = GeneratedCode.Qualified(GeneratedCode.Runner(plugin));
        var binder = GeneratedCode.Qualified(GeneratedCode.OptionBinder(plugin));
        w.Line(plugin.Options is null
            ? $"Bind: static values => {{ {binder}.Bind(values); return new {runner}(); }}),"
            : $"Bind: static values => new {runner}({binder}.Bind(values))),");
        w.Outdent();
    }
}
