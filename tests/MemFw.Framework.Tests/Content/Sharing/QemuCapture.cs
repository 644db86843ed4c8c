using System.Reflection;
using MemFw.Traces.Format;
using MemFw.Traces.Import;

namespace MemFw.Framework.Tests.Content.Sharing;

/// <summary>
/// A QEMU memory-access capture read through the importer's own reader (the <c>qemu</c> import format, compressed
/// files included), so records map to guest-physical address, kind and I/O flag exactly as
/// <c>memfw trace import</c> maps them.
/// </summary>
/// <remarks>
/// The reader is internal to MemFw.Traces, which opens its internals to its own tests only, so it is reached
/// through <c>ImportFormats.OpenAccesses</c> by reflection; a rename there fails the tests that read a capture.
/// </remarks>
internal sealed class QemuCapture : IDisposable
{
    private const string OpenAccesses = "OpenAccesses";

    private readonly IDisposable _source;
    private readonly Func<AccessBatch, int> _read;

    /// <summary>Opens <paramref name="path"/> as the accesses of VM <paramref name="vm"/>.</summary>
    public QemuCapture(string path, ushort vm)
    {
        var open = typeof(ImportFormats).GetMethod(OpenAccesses, BindingFlags.Static | BindingFlags.NonPublic)
            ?? throw new MissingMethodException(nameof(ImportFormats), OpenAccesses);
        var read = open.ReturnType.GetMethod(nameof(Read))
            ?? throw new MissingMethodException(open.ReturnType.Name, nameof(Read));
        _source = (IDisposable)open.Invoke(
            null, BindingFlags.DoNotWrapExceptions, null, [ImportFormat.Qemu, path, vm], null)!;
        _read = read.CreateDelegate<Func<AccessBatch, int>>(_source);
    }

    /// <summary>Fills <paramref name="batch"/> with the next records.</summary>
    /// <returns>The number read; 0 at the end of the capture.</returns>
    public int Read(AccessBatch batch) => _read(batch);

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
