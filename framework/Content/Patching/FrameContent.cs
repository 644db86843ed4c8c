namespace MemFw.Framework.Content.Patching;

/// <summary>A machine frame after full-page sharing: its content and how many guest pages map it.</summary>
/// <param name="Content">The frame's 4096 bytes.</param>
/// <param name="Pages">Guest pages backed by the frame: 1 for a page nothing shares, more for a shared frame.</param>
/// <param name="Key">
/// The content's hash, when the caller has one: a <see cref="PatchPlanner"/> planning again and again (the host, at
/// every rebalancing point) then remembers the patch size of each pair of contents instead of encoding it again.
/// </param>
public readonly record struct FrameContent(ReadOnlyMemory<byte> Content, int Pages, ulong? Key = null);
