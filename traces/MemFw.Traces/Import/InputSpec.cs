namespace MemFw.Traces.Import;

/// <summary>
/// One input on the import command line: <c>[VM[@TIME]=]PATH</c>. VM names the guest (default: the file name up to
/// its first dot); TIME places a RAM snapshot (an integer in the trace's time unit, or <c>start</c> / <c>end</c> of
/// that VM's accesses; default: the image's position among the VM's images, 0, 1, ...).
/// </summary>
public sealed record InputSpec(string Vm, SnapshotTime? Time, string Path)
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">The VM name or the time is malformed.</exception>
    public static InputSpec Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var slash = text.IndexOfAny(['/', '\\']);
        if (equals <= 0 || (slash >= 0 && slash < equals))
        {
            return new InputSpec(DefaultName(text), null, text);
        }

        var label = text[..equals];
        var path = text[(equals + 1)..];
        var at = label.IndexOf('@', StringComparison.Ordinal);
        var vm = at < 0 ? label : label[..at];
        if (vm.Length == 0)
        {
            vm = DefaultName(path);
        }

        var time = at < 0 ? (SnapshotTime?)null : SnapshotTime.Parse(label[(at + 1)..], text);
        return new InputSpec(vm, time, path);
    }

    private static string DefaultName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
