namespace MemFw.Traces.Format;

/// <summary>The columns of <c>accesses.parquet</c>, as flags so a reader can ask for only the ones it needs.</summary>
/// <remarks>The declaration order is the column order in the file.</remarks>
[Flags]
public enum AccessColumns
{
    /// <summary>No column.</summary>
    None = 0,

    /// <summary><c>time</c>: int64, in the unit of the metadata.</summary>
    Time = 1 << 0,

    /// <summary><c>vm</c>: uint16, the VM id.</summary>
    Vm = 1 << 1,

    /// <summary><c>vcpu</c>: uint16, the virtual CPU that made the access.</summary>
    Vcpu = 1 << 2,

    /// <summary><c>gva</c>: uint64, the guest-virtual address.</summary>
    Gva = 1 << 3,

    /// <summary><c>gpa</c>: uint64, the guest-physical address (the device address for I/O accesses).</summary>
    Gpa = 1 << 4,

    /// <summary><c>kind</c>: uint8, an <see cref="AccessKind"/>.</summary>
    Kind = 1 << 5,

    /// <summary><c>size</c>: uint8, bytes accessed; 0 when the capture does not say.</summary>
    Size = 1 << 6,

    /// <summary><c>io</c>: boolean, the access went to device memory (MMIO), not RAM.</summary>
    Io = 1 << 7,

    /// <summary>The columns a page replay needs: VM, guest-physical address, kind and the I/O flag.</summary>
    Replay = Vm | Gpa | Kind | Io,

    /// <summary>Every column.</summary>
    All = Time | Vm | Vcpu | Gva | Gpa | Kind | Size | Io,
}
