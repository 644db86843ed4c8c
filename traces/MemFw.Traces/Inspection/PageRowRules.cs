using MemFw.Traces.Format;

namespace MemFw.Traces.Inspection;

/// <summary>
/// The promises one row of the page-contents table keeps (traces/FORMAT.md), each as a check that says what was
/// expected and what was found, or returns <see langword="null"/> when the row keeps it.
/// </summary>
/// <remarks>
/// <see cref="TraceValidator"/> collects every broken promise of a trace; readers that stream the table to compute
/// something from it (the content analysis) stop at the first, naming the file and row.
/// </remarks>
public static class PageRowRules
{
    /// <summary>
    /// Stops a streaming reader at a broken promise: throws the one-line error naming <paramref name="file"/> and
    /// <paramref name="row"/> when <paramref name="problem"/> (one of the checks here) is not null.
    /// </summary>
    /// <exception cref="TraceInputException"><paramref name="problem"/> is not null.</exception>
    public static void Require(string file, long row, string? problem)
    {
        if (problem is not null)
        {
            throw new TraceInputException(file, $"row {row}", problem);
        }
    }

    /// <summary>The hash every zero page carries: XXH3-64 of 4096 zero bytes.</summary>
    public static ulong ZeroPageHash { get; } = PageHash.Compute(new byte[TraceFormat.PageSize]);

    /// <summary>Rows are sorted by (time, vm, gfn), each triple once.</summary>
    /// <param name="previous">The key of the row before, or <see langword="null"/> for the first row.</param>
    /// <param name="current">The key of this row.</param>
    public static string? Order((long Time, int Vm, ulong Gfn)? previous, (long Time, int Vm, ulong Gfn) current) =>
        previous is { } p && current.CompareTo(p) <= 0
            ? $"expected rows sorted by (time, vm, gfn) without repeats, found (time {current.Time}, vm {current.Vm}, "
                + $"gfn {current.Gfn}) after (time {p.Time}, vm {p.Vm}, gfn {p.Gfn})"
            : null;

    /// <summary>The row's VM is one of the metadata's.</summary>
    public static string? VmId(int vm, int vmCount) =>
        vm >= vmCount ? $"expected a vm id below {vmCount}, found {vm}" : null;

    /// <summary>The row's guest frame lies inside the VM's RAM, when its size is known.</summary>
    public static string? Gfn(ulong gfn, VmDescriptor vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.RamBytes is { } ram && gfn >= (ulong)(ram / TraceFormat.PageSize)
            ? $"expected a gfn below {ram / TraceFormat.PageSize} (ram_bytes of VM '{vm.Name}'), found {gfn}"
            : null;
    }

    /// <summary>
    /// A zero row has no content and the zero page's hash; a stored content is 4096 bytes, not all zero, and hashes
    /// (XXH3-64, recomputed here) to the row's hash. A non-zero row without content (hash-only traces) keeps it.
    /// </summary>
    public static string? Content(ulong hash, bool zero, byte[]? content)
    {
        if (zero)
        {
            return content is not null ? $"expected no content for a zero page, found {content.Length} bytes"
                : hash != ZeroPageHash ? $"expected the zero page's hash 0x{ZeroPageHash:X16}, found 0x{hash:X16}"
                : null;
        }

        if (content is null)
        {
            return null;
        }

        return content.Length != TraceFormat.PageSize
            ? $"expected {TraceFormat.PageSize} content bytes, found {content.Length}"
            : PageHash.IsZero(content) ? "expected zero = true for an all-zero page, found zero = false"
            : PageHash.Compute(content) is var actual && actual != hash
                ? $"expected hash 0x{actual:X16} of the stored content, found 0x{hash:X16}"
                : null;
    }
}
