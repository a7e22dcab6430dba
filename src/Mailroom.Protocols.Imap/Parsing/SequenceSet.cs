namespace Mailroom.Protocols.Imap.Parsing;

/// <summary>
/// An RFC 9051 sequence-set (<c>1:4,7,9:*</c>), of sequence numbers or UIDs depending on the command, or RFC 5182's
/// <c>$</c> (the saved search result). <c>*</c> is kept as <see cref="Star"/> and resolved against the selected
/// mailbox when the command runs, because its value depends on the mailbox's state at that moment.
/// </summary>
public sealed class SequenceSet
{
    /// <summary>The value standing for <c>*</c> (the largest number in use) until the set is resolved.</summary>
    public const uint Star = uint.MaxValue;

    private SequenceSet(IReadOnlyList<(uint First, uint Last)> ranges, bool isSavedResult)
    {
        Ranges = ranges;
        IsSavedResult = isSavedResult;
    }

    /// <summary>Ranges as written (first may exceed last: <c>5:2</c> means 2:5); <see cref="Star"/> for <c>*</c>.</summary>
    public IReadOnlyList<(uint First, uint Last)> Ranges { get; }

    /// <summary>True for <c>$</c>: the command uses the last SEARCH result saved with RETURN (SAVE).</summary>
    public bool IsSavedResult { get; }

    public static SequenceSet SavedResult { get; } = new([], true);

    public static SequenceSet Of(uint first, uint last) => new([(first, last)], false);

    public static bool TryParse(ReadOnlySpan<char> text, out SequenceSet set)
    {
        set = SavedResult;
        if (text is "$")
        {
            return true;
        }

        var ranges = new List<(uint, uint)>();
        foreach (var part in text.Split(','))
        {
            var item = text[part];
            var colon = item.IndexOf(':');
            if (colon < 0)
            {
                if (!TryParseNumber(item, out var single))
                {
                    return false;
                }

                ranges.Add((single, single));
            }
            else if (!TryParseNumber(item[..colon], out var first) || !TryParseNumber(item[(colon + 1)..], out var last))
            {
                return false;
            }
            else
            {
                ranges.Add((first, last));
            }
        }

        set = new SequenceSet(ranges, false);
        return ranges.Count > 0;
    }

    /// <summary>
    /// The ranges with <c>*</c> replaced by <paramref name="largest"/> and each ordered low to high (RFC 9051 §9:
    /// "*" is the largest number in use; on an empty mailbox callers pass 0, which matches nothing).
    /// </summary>
    public IEnumerable<(uint Low, uint High)> Resolve(uint largest)
    {
        foreach (var (first, last) in Ranges)
        {
            var a = first == Star ? largest : first;
            var b = last == Star ? largest : last;
            yield return a <= b ? (a, b) : (b, a);
        }
    }

    public override string ToString() => IsSavedResult
        ? "$"
        : string.Join(',', Ranges.Select(r => r.First == r.Last ? Format(r.First) : Format(r.First) + ":" + Format(r.Last)));

    /// <summary>
    /// Compresses ascending numbers into sequence-set text ("1:3,5,9:10") for VANISHED, COPYUID, APPENDUID and
    /// ESEARCH ALL (RFC 9051 §9 sequence-set). Empty input gives an empty string.
    /// </summary>
    public static string Format(IEnumerable<uint> ascending)
    {
        var text = new System.Text.StringBuilder();
        uint first = 0, last = 0;
        foreach (var value in ascending)
        {
            if (first != 0 && value == last + 1)
            {
                last = value;
                continue;
            }

            Append(text, first, last);
            first = last = value;
        }

        Append(text, first, last);
        return text.ToString();

        static void Append(System.Text.StringBuilder text, uint first, uint last)
        {
            if (first == 0)
            {
                return;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(Format(first));
            if (last != first)
            {
                text.Append(':').Append(Format(last));
            }
        }
    }

    private static string Format(uint value) => value == Star ? "*" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>nz-number or "*": a non-zero number without a leading zero that fits 32 bits.</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        if (text is "*")
        {
            value = Star;
            return true;
        }

        if (text.IsEmpty || text[0] is < '1' or > '9')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            var next = (value * 10UL) + (uint)(c - '0');
            if (next >= Star)
            {
                return false;
            }

            value = (uint)next;
        }

        return true;
    }
}
