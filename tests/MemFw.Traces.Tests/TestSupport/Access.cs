namespace MemFw.Traces.Tests.TestSupport;

/// <summary>One access row, as the tests expect it: the columns of accesses.parquet, kind as its stored byte.</summary>
public readonly record struct Access(long Time, ushort Vm, ushort Vcpu, ulong Gva, ulong Gpa, byte Kind, byte Size,
    bool Io)
{
    /// <summary>The stored value of a read.</summary>
    public const byte Read = 0;

    /// <summary>The stored value of a write.</summary>
    public const byte Write = 1;

    /// <summary>The stored value of an instruction fetch.</summary>
    public const byte Fetch = 2;
}
