namespace MemFw.Generators.Tests;

/// <summary>Plugin sources the tests compile.</summary>
internal static class TestSources
{
    /// <summary>
    /// Two plugins: <c>aging</c> with options of every bindable type (an enum among them) and a validating
    /// accessor, and the offline <c>opt</c> without options.
    /// </summary>
    public const string TwoPlugins = """
        using System;
        using MemFw.Framework.Plugins;
        using MemFw.Framework.Replacement;

        namespace Lab.Policies;

        /// <summary>Which frame the aging policy evicts among equally old ones.</summary>
        public enum TieBreak
        {
            /// <summary>The lowest frame number.</summary>
            Lowest,

            /// <summary>The highest frame number.</summary>
            Highest,
        }

        /// <summary>Options of <see cref="AgingPolicy"/>.</summary>
        public sealed record AgingOptions
        {
            /// <summary>History bits per frame,
            /// 1 to 32. Default 8.</summary>
            public int Bits
            {
                get;
                init
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, "bits");
                    ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 32, "bits");
                    field = value;
                }
            } = 8;

            /// <summary>Ticks between two shifts of the history. Default 1.</summary>
            public long TickPeriod { get; init; } = 1;

            /// <summary>Weight of a write against a read (<c>1.0</c>: equal). Default 1.5.</summary>
            public double WriteWeight { get; init; } = 1.5;

            /// <summary>Whether a clean frame goes before a dirty one of the same age.</summary>
            public bool PreferClean { get; init; }

            /// <summary>A label for "reports".</summary>
            public string Label { get; init; } = "aging";

            /// <summary>How ties are broken; see <see cref="TieBreak"/>.</summary>
            public TieBreak Ties { get; init; } = TieBreak.Lowest;
        }

        /// <summary>The aging approximation of LRU.</summary>
        [ReplacementPolicy("aging", Description = "Aging approximation of LRU",
            Source = "Tanenbaum, Modern Operating Systems, 3.4.7")]
        public sealed class AgingPolicy(AgingOptions options, ReplacementContext context) : IReplacementPolicy
        {
            private readonly uint[] _age = new uint[context.FrameCount];
            private readonly uint _top = 1u << (options.Bits - 1);

            public void OnHit(int frame, bool write) => _age[frame] |= _top;

            public void OnInsert(int frame, bool write) => _age[frame] = _top;

            public int SelectVictim(int page)
            {
                var victim = 0;
                for (var frame = 1; frame < _age.Length; frame++)
                {
                    if (_age[frame] < _age[victim])
                    {
                        victim = frame;
                    }
                }

                return victim;
            }

            public void OnRemove(int frame) => _age[frame] = uint.MaxValue;

            public void OnTick()
            {
                for (var frame = 0; frame < _age.Length; frame++)
                {
                    _age[frame] >>= 1;
                }
            }
        }

        /// <summary>Belady's optimal policy: evicts the page used farthest in the future.</summary>
        [ReplacementPolicy("opt", Description = "Belady's optimal replacement",
            Source = "Belady, IBM Systems Journal 1966", Offline = true)]
        internal sealed class OptPolicy : IReplacementPolicy
        {
            private readonly NextUseReader _nextUse;
            private readonly long[] _next;

            public OptPolicy(ReplacementContext context)
            {
                _nextUse = context.NextUse!;
                _next = new long[context.FrameCount];
            }

            public void OnHit(int frame, bool write) => _next[frame] = _nextUse.Next();

            public void OnInsert(int frame, bool write) => _next[frame] = _nextUse.Next();

            public int SelectVictim(int page)
            {
                var victim = 0;
                for (var frame = 1; frame < _next.Length; frame++)
                {
                    if (_next[frame] > _next[victim])
                    {
                        victim = frame;
                    }
                }

                return victim;
            }

            public void OnRemove(int frame) => _next[frame] = long.MinValue;

            public void OnTick()
            {
            }
        }
        """;

    /// <summary>
    /// A plugin source of class <paramref name="declaration"/> (its modifiers, name and base list) with the
    /// attribute arguments <paramref name="attribute"/>, a body implementing the contract, and
    /// <paramref name="extra"/> declarations after it (options records, enums); all in namespace
    /// <paramref name="ns"/>, and inside the type <paramref name="outer"/> when one is given.
    /// </summary>
    public static string Plugin(
        string declaration,
        string attribute = "\"test\", Description = \"A test policy\", Source = \"Tests\"",
        string body = "",
        string extra = "",
        string ns = "Lab",
        string outer = "")
    {
        var plugin = $$"""
            [ReplacementPolicy({{attribute}})]
            {{declaration}}
            {
                {{body}}
                public void OnHit(int frame, bool write) { }
                public void OnInsert(int frame, bool write) { }
                public int SelectVictim(int page) => 0;
                public void OnRemove(int frame) { }
                public void OnTick() { }
            }

            {{extra}}
            """;
        if (outer.Length > 0)
        {
            plugin = $"{outer}\n{{\n{plugin}\n}}";
        }

        return $"using System;\nusing MemFw.Framework.Plugins;\nusing MemFw.Framework.Replacement;\n\n"
            + $"namespace {ns};\n\n{plugin}\n";
    }

    /// <summary>
    /// Plugin <c>Lab.P</c>, whose constructor takes an options record <c>Options</c> declared by
    /// <paramref name="options"/> (with any enums it needs).
    /// </summary>
    public static string PluginWithOptions(string options, string outer = "") =>
        Plugin("public sealed class P(Options options) : IReplacementPolicy",
            body: "public Options Options { get; } = options;", extra: options, outer: outer);
}
