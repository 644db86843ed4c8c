using System.Linq;
using MemFw.Generators.Model;

namespace MemFw.Generators.Emit;

/// <summary>
/// Emits <c>&lt;Plugin&gt;Dispatch</c> and <c>&lt;Plugin&gt;Runner</c>: a struct forwarding each policy primitive
/// to the sealed plugin, and the runner that creates the plugin and enters the replay loop instantiated over that
/// struct, so the JIT compiles one loop per plugin with the calls inlined.
/// </summary>
internal static class DispatchEmitter
{
    private const string Inline =
        "[global::System.Runtime.CompilerServices.MethodImpl("
        + "global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    /// <summary>The file's hint name.</summary>
    public static string HintName(PluginModel plugin) => GeneratedCode.Dispatch(plugin) + ".g.cs";

    /// <summary>The dispatch and runner source for <paramref name="plugin"/>.</summary>
    public static string Emit(PluginModel plugin)
    {
        var w = GeneratedCode.StartFile();
        w.Open($"namespace {GeneratedCode.Namespace}");
        WriteDispatch(w, plugin);
        w.Line();
        WriteRunner(w, plugin);
        w.Close();
        return w.ToString();
    }

    private static void WriteDispatch(SourceWriter w, PluginModel plugin)
    {
        var dispatch = GeneratedCode.Dispatch(plugin);
        var target = plugin.DirectCalls ? "_policy" : $"(({FrameworkTypes.ReplacementPolicy})_policy)";
        w.Line($"/// <summary>Calls replacement policy '{plugin.Name}' directly: the sealed type is known, so the "
            + "calls inline.</summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open($"internal readonly struct {dispatch} : {FrameworkTypes.ReplacementPolicy}");
        w.Line($"private readonly {plugin.FullyQualifiedType} _policy;");
        w.Line();
        w.Line("/// <summary>Wraps <paramref name=\"policy\"/>.</summary>");
        w.Line($"public {dispatch}({plugin.FullyQualifiedType} policy) => _policy = policy;");
        WriteMember(w, "void OnHit(int frame, bool write)", $"{target}.OnHit(frame, write)");
        WriteMember(w, "void OnInsert(int frame, bool write)", $"{target}.OnInsert(frame, write)");
        WriteMember(w, "int SelectVictim(int page)", $"{target}.SelectVictim(page)");
        WriteMember(w, "void OnRemove(int frame)", $"{target}.OnRemove(frame)");
        WriteMember(w, "void OnTick()", $"{target}.OnTick()");
        w.Close();
    }

    private static void WriteMember(SourceWriter w, string signature, string call)
    {
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line(Inline);
        w.Line($"public {signature} => {call};");
    }

    private static void WriteRunner(SourceWriter w, PluginModel plugin)
    {
        var runner = GeneratedCode.Runner(plugin);
        var dispatch = GeneratedCode.Qualified(GeneratedCode.Dispatch(plugin));
        w.Line($"/// <summary>Replays with a new instance of replacement policy '{plugin.Name}'.</summary>");
        w.Line(GeneratedCode.Attribute);
        w.Open($"internal sealed class {runner} : {FrameworkTypes.ReplacementRunner}");
        if (plugin.Options is { } options)
        {
            w.Line($"private readonly {options.FullyQualifiedType} _options;");
            w.Line();
            w.Line("/// <summary>Creates the runner with bound <paramref name=\"options\"/>.</summary>");
            w.Line($"public {runner}({options.FullyQualifiedType} options) => _options = options;");
            w.Line();
        }

        var arguments = plugin.ConstructorArguments.Select(a => a == ConstructorArgument.Options
            ? "_options"
            : "session.Context");
        w.Line("/// <inheritdoc/>");
        w.Open($"public {FrameworkTypes.ReplayResult} Run({FrameworkTypes.ReplayForm} form, "
            + $"{FrameworkTypes.ReplaySettings} settings)");
        w.Line($"using var session = {FrameworkTypes.ReplaySession}.Start({GeneratedCode.Literal(plugin.Name)}, form, "
            + $"settings, {(plugin.Offline ? "true" : "false")});");
        w.Line($"var dispatch = new {dispatch}(new {plugin.FullyQualifiedType}({string.Join(", ", arguments)}));");
        w.Line("return session.Replay(ref dispatch);");
        w.Close();
        w.Line();
        var factoryArguments = plugin.ConstructorArguments.Select(a => a == ConstructorArgument.Options
            ? "_options"
            : "context");
        w.Line("/// <inheritdoc/>");
        w.Line($"public TResult Accept<TResult>({FrameworkTypes.ReplacementVisitor}<TResult> visitor) =>");
        w.Line($"    visitor.Visit({GeneratedCode.Literal(plugin.Name)}, {(plugin.Offline ? "true" : "false")}, "
            + $"context => new {dispatch}(new {plugin.FullyQualifiedType}({string.Join(", ", factoryArguments)})));");
        w.Close();
    }
}
