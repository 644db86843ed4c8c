namespace MemFw.Traces.Inspection;

/// <summary>The outcome of validating a trace: the first violations found and how many there were in all.</summary>
public sealed class ValidationReport
{
    /// <summary>The most violations kept for reporting; further ones are only counted.</summary>
    public const int MaxKept = 100;

    private readonly List<Violation> _violations = [];

    /// <summary>The first <see cref="MaxKept"/> violations, in file order.</summary>
    public IReadOnlyList<Violation> Violations => _violations;

    /// <summary>Every violation found, kept or not.</summary>
    public long Count { get; private set; }

    /// <summary>Rows checked in the accesses table.</summary>
    public long AccessRows { get; internal set; }

    /// <summary>Rows checked in the page-contents table.</summary>
    public long PageRows { get; internal set; }

    /// <summary>Whether the trace keeps every promise of the format.</summary>
    public bool IsValid => Count == 0;

    /// <summary>Records a violation.</summary>
    internal void Add(string file, long? row, string message)
    {
        Count++;
        if (_violations.Count < MaxKept)
        {
            _violations.Add(new Violation(file, row, message));
        }
    }
}
