namespace MemFw.Framework.Content.Compression;

/// <summary>A size class of <see cref="ZsmallocPool"/>: objects of up to one size, packed into zspages.</summary>
/// <param name="Size">The bytes each object takes.</param>
/// <param name="FramesPerZspage">The 4 KiB frames of one zspage.</param>
/// <param name="ObjectsPerZspage">The objects one zspage holds.</param>
public readonly record struct ZsmallocClass(int Size, int FramesPerZspage, int ObjectsPerZspage);
