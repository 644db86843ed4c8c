namespace MemFw.Framework.Content.Patching;

/// <summary>A frame stored as a patch: which frame, against which reference, and the patch.</summary>
/// <param name="Frame">The patched frame's index in the planner's input.</param>
/// <param name="Reference">The reference frame's index; it stays whole.</param>
/// <param name="Patch">
/// The patch, in <see cref="DeltaEncoder"/>'s format: <c>Decode(reference, Patch)</c> is the frame.
/// </param>
public readonly record struct PatchedFrame(int Frame, int Reference, ReadOnlyMemory<byte> Patch);
