namespace MemFw.Generators.Model;

/// <summary>The option types the generated binder parses.</summary>
internal enum OptionKind
{
    /// <summary><c>bool</c>: <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>int</c>, invariant culture.</summary>
    Int32,

    /// <summary><c>long</c>, invariant culture.</summary>
    Int64,

    /// <summary><c>double</c>, invariant culture.</summary>
    Double,

    /// <summary><c>string</c>, taken as given.</summary>
    String,

    /// <summary>An enum, by member name, ignoring case.</summary>
    Enum,
}
