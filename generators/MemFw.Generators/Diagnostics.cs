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

    /// <summary>The plugin class is not sealed.</summary>
    public static readonly DiagnosticDescriptor NotSealed = new(
        "MEMFW001",
        "Replacement policy is not sealed",
        "Replacement policy '{0}' must be sealed so that its generated dispatch calls it directly",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The plugin class does not implement the policy contract.</summary>
    public static readonly DiagnosticDescriptor NotAPolicy = new(
        "MEMFW002",
        "Replacement policy does not implement IReplacementPolicy",
        "Replacement policy '{0}' must implement MemFw.Framework.Replacement.IReplacementPolicy",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The plugin name is not lower-kebab-case.</summary>
    public static readonly DiagnosticDescriptor BadName = new(
        "MEMFW003",
        "Replacement policy name is not lower-kebab-case",
        "Replacement policy '{0}' is named '{1}', which is not lower-kebab-case: use words of a-z and 0-9 joined by "
            + "single hyphens, such as 'lru-k'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>Two plugins of one assembly share a name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(
        "MEMFW004",
        "Replacement policy name is used twice",
        "Replacement policy '{0}' is named '{1}', as is '{2}': names must be unique",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The plugin has no constructor the runner can call.</summary>
    public static readonly DiagnosticDescriptor NoUsableConstructor = new(
        "MEMFW005",
        "Replacement policy has no usable constructor",
        "Replacement policy '{0}' needs exactly one public constructor taking its options record and/or "
            + "ReplacementContext, each at most once, but {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>An option property has a type the binder cannot parse.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOptionType = new(
        "MEMFW006",
        "Option type cannot be bound",
        "Option '{0}' of replacement policy '{1}' has type '{2}', which the binder cannot bind: use bool, int, long, "
            + "double, string or an accessible enum",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The options type cannot be created and copied by the binder.</summary>
    public static readonly DiagnosticDescriptor BadOptionsType = new(
        "MEMFW007",
        "Options type is not a record with a public parameterless constructor",
        "Options type '{0}' of replacement policy '{1}' must be a public or internal record with a public "
            + "parameterless constructor, but {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The generated code cannot name the plugin class.</summary>
    public static readonly DiagnosticDescriptor Inaccessible = new(
        "MEMFW008",
        "Replacement policy is not accessible to generated code",
        "Replacement policy '{0}' must be a public or internal non-generic class, top-level or nested in public or "
            + "internal non-generic types, but {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>The attribute lacks a description or a source.</summary>
    public static readonly DiagnosticDescriptor MissingMetadata = new(
        "MEMFW009",
        "Replacement policy lacks Description or Source",
        "Replacement policy '{0}' has no {1}: set it on [ReplacementPolicy] so that 'memfw plugins' can show it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>Every descriptor, by id.</summary>
    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        GeneratorFailure, NotSealed, NotAPolicy, BadName, DuplicateName, NoUsableConstructor, UnsupportedOptionType,
        BadOptionsType, Inaccessible, MissingMetadata,
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>Every descriptor, in id order.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>Describes a diagnostic of <paramref name="descriptor"/> as plain values.</summary>
    public static DiagnosticInfo Info(
        DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

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
