namespace MemFw.Framework.Content.Backing;

/// <summary>What storing a page cost, and whether the store kept it.</summary>
/// <param name="Kept">False when the store is full and refused the page: the caller sends it to the next store.</param>
/// <param name="Microseconds">The time the store took (a write, a compression), 0 when refused.</param>
public readonly record struct StoreOutcome(bool Kept, double Microseconds);
