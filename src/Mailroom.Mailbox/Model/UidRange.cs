namespace Mailroom.Mailboxes.Model;

/// <summary>
/// An inclusive UID interval. IMAP sequence sets become a list of these in the protocol engine; "*" is resolved there
/// (RFC 9051 §6.4.8 has "n:*" include the highest UID even when n is larger), or passed as <see cref="uint.MaxValue"/>.
/// </summary>
public readonly record struct UidRange
{
    public UidRange(uint first, uint last)
    {
        if (first == 0 || last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"A UID range is 1 ≤ first ≤ last; got {first}:{last}.");
        }

        First = first;
        Last = last;
    }

    public uint First { get; }

    public uint Last { get; }

    public static UidRange All { get; } = new(1, uint.MaxValue);

    public static UidRange From(uint first) => new(Math.Max(first, 1u), uint.MaxValue);

    public static UidRange Single(uint uid) => new(uid, uid);

    public bool Contains(uint uid) => uid >= First && uid <= Last;

    public override string ToString() => Last == uint.MaxValue ? $"{First}:*" : $"{First}:{Last}";
}
