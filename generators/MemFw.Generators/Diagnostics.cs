using System;
using System.Collections.Generic;
using System.Linq;
using MemFw.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MemFw.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are literal, never renumbered or reused; each has a page
/// <c>docs/diagnostics/MEMFWnnn.md</c> and a line in <c>AnalyzerReleases.Unshipped.md</c> until released.
/// </summary>
internal static class Diagnostics
{
    /// <summary>The category of every MemFw diagnostic.</summary>
    public const string Category = "MemFw";

    /// <summary>The generator failed unexpectedly; its output for the class is missing.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "MEMFW000",
        "The MemFw generator failed",
        "The MemFw generator failed on '{0}' with {1}: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    // The plugin rules apply to every kind: messages start with the kind ({0}, "Replacement policy", "Victim
    // selector", ...) and the class's name ({1}).

    /// <summary>The plugin class is not sealed.</summary>
    public static readonly DiagnosticDescriptor NotSealed = new(
        "MEMFW001",
        "Plugin class is not sealed",
        "{0} '{1}' must be sealed {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The plugin class does not implement its kind's contract.</summary>
    public static readonly DiagnosticDescriptor NotAPolicy = new(
        "MEMFW002",
        "Plugin class does not implement its kind's interface",
        "{0} '{1}' must implement {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The plugin name is not lower-kebab-case.</summary>
    public static readonly DiagnosticDescriptor BadName = new(
        "MEMFW003",
        "Plugin name is not lower-kebab-case",
        "{0} '{1}' is named '{2}', which is not lower-kebab-case: use words of a-z and 0-9 joined by single "
            + "hyphens, such as 'lru-k'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>Two plugins of one kind in one assembly share a name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(
        "MEMFW004",
        "Plugin name is used twice within its kind",
        "{0} '{1}' is named '{2}', as is '{3}': a name selects one {4}, so names must be unique within a kind",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The plugin has no constructor generated code can call.</summary>
    public static readonly DiagnosticDescriptor NoUsableConstructor = new(
        "MEMFW005",
        "Plugin has no usable constructor",
        "{0} '{1}' needs exactly one public constructor taking its options record and/or {2}, each at most once, "
            + "but {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>An option property has a type the binder cannot parse.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOptionType = new(
        "MEMFW006",
        "Option type cannot be bound",
        "Option '{0}' of {1} '{2}' has type '{3}', which the binder cannot bind: use bool, int, long, double, "
            + "string or an accessible enum",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The options type cannot be created and copied by the binder.</summary>
    public static readonly DiagnosticDescriptor BadOptionsType = new(
        "MEMFW007",
        "Options type is not a record with a public parameterless constructor",
        "Options type '{0}' of {1} '{2}' must be a public or internal record with a public parameterless "
            + "constructor, but {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The generated code cannot name the plugin class.</summary>
    public static readonly DiagnosticDescriptor Inaccessible = new(
        "MEMFW008",
        "Plugin class is not accessible to generated code",
        "{0} '{1}' must be a public or internal non-generic class, top-level or nested in public or internal "
            + "non-generic types, but {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The attribute lacks a description or a source.</summary>
    public static readonly DiagnosticDescriptor MissingMetadata = new(
        "MEMFW009",
        "Plugin lacks Description or Source",
        "{0} '{1}' has no {2}: set it on [{3}] so that 'memfw plugins' can show it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>The class carries the attributes of two plugin kinds.</summary>
    public static readonly DiagnosticDescriptor SeveralKinds = new(
        "MEMFW010",
        "Plugin class has more than one kind attribute",
        "{0} '{1}' is also marked [{2}]: a plugin class has exactly one kind attribute, so that its name and its "
            + "generated types belong to one kind",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>Every descriptor, by id.</summary>
    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        GeneratorFailure, NotSealed, NotAPolicy, BadName, DuplicateName, NoUsableConstructor, UnsupportedOptionType,
        BadOptionsType, Inaccessible, MissingMetadata, SeveralKinds,
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>Every descriptor, in id order.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>Describes a diagnostic of <paramref name="descriptor"/> as plain values.</summary>
    public static DiagnosticInfo Info(
        DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    /// <summary>
    /// Describes a diagnostic about the class <paramref name="plugin"/> of <paramref name="kind"/>, whose message
    /// starts with both; <paramref name="arguments"/> follow them.
    /// </summary>
    public static DiagnosticInfo About(
        DiagnosticDescriptor descriptor,
        PluginKind kind,
        string plugin,
        LocationInfo? location,
        params string[] arguments) =>
        Info(descriptor, location, new[] { kind.Title(), plugin }.Concat(arguments).ToArray());

    /// <summary>The catch-all for an exception the generator did not expect while handling a type.</summary>
    public static DiagnosticInfo Unexpected(string subject, Exception exception, LocationInfo? location) =>
        Info(GeneratorFailure, location, subject, exception.GetType().FullName ?? "an exception", exception.Message);

    /// <summary>Whether <paramref name="info"/> is an error, which leaves its plugin out.</summary>
    public static bool IsError(DiagnosticInfo info) => s_byId[info.Id].DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>Turns <paramref name="info"/> back into a compiler diagnostic.</summary>
    public static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var location = info.Location is { } l
            ? Location.Create(l.FilePath, new TextSpan(l.Start, l.Length),
                new LinePositionSpan(new LinePosition(l.StartLine, l.StartCharacter),
                    new LinePosition(l.EndLine, l.EndCharacter)))
            : Location.None;
        return Diagnostic.Create(s_byId[info.Id], location, info.Arguments.Cast<object>().ToArray());
    }
}
