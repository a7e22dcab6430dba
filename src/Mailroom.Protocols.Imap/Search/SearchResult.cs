using System.Buffers;
using Mailroom.Protocols.Imap.Formatting;

namespace Mailroom.Protocols.Imap.Search;

/// <summary>
/// The matches of one SEARCH, as sequence numbers or UIDs in ascending order (pages arrive in UID order), with their
/// highest MODSEQ for RFC 7162 §3.1.5; and the responses RFC 9051/3501 (SEARCH) and RFC 4731 (ESEARCH) define.
/// </summary>
public sealed class SearchResult
{
    private readonly List<uint> numbers = [];

    public IReadOnlyList<uint> Numbers => numbers;

    public ulong HighestModSeq { get; private set; }

    public void Add(uint number, ulong modSeq)
    {
        numbers.Add(number);
        HighestModSeq = Math.Max(HighestModSeq, modSeq);
    }

    /// <summary><c>* SEARCH 2 3 6 (MODSEQ 917162500)</c>; MODSEQ only when the criteria had it and something matched.</summary>
    public void WriteSearch(IBufferWriter<byte> writer, bool withModSeq)
    {
        writer.WriteAscii("* SEARCH");
        foreach (var n in numbers)
        {
            writer.WriteByte((byte)' ');
            writer.WriteNumber(n);
        }

        if (withModSeq && numbers.Count > 0)
        {
            writer.WriteAscii(" (MODSEQ ");
            writer.WriteNumber(HighestModSeq);
            writer.WriteByte((byte)')');
        }

        writer.WriteAscii("\r\n");
    }

    /// <summary>
    /// <c>* ESEARCH (TAG "t") UID MIN 1 MAX 9 COUNT 4 ALL 1:3,9</c>. With no match, MIN, MAX and ALL are left out
    /// (RFC 4731 §3.1); a SAVE-only RETURN gets no ESEARCH at all (RFC 5182 §2.4), which the caller decides.
    /// </summary>
    public void WriteEsearch(IBufferWriter<byte> writer, string tag, bool uid, SearchReturnOptions options, bool withModSeq)
    {
        writer.WriteAscii("* ESEARCH (TAG ");
        writer.WriteString(tag, utf8: false);
        writer.WriteByte((byte)')');
        if (uid)
        {
            writer.WriteAscii(" UID");
        }

        if (numbers.Count > 0 && options.HasFlag(SearchReturnOptions.Min))
        {
            writer.WriteAscii(" MIN ");
            writer.WriteNumber(numbers[0]);
        }

        if (numbers.Count > 0 && options.HasFlag(SearchReturnOptions.Max))
        {
            writer.WriteAscii(" MAX ");
            writer.WriteNumber(numbers[^1]);
        }

        if (options.HasFlag(SearchReturnOptions.Count))
        {
            writer.WriteAscii(" COUNT ");
            writer.WriteNumber((ulong)numbers.Count);
        }

        if (numbers.Count > 0 && options.HasFlag(SearchReturnOptions.All))
        {
            writer.WriteAscii(" ALL ");
            SequenceSetFormatter.Write(writer, numbers);
        }

        if (withModSeq && numbers.Count > 0)
        {
            writer.WriteAscii(" MODSEQ ");
            writer.WriteNumber(HighestModSeq);
        }

        writer.WriteAscii("\r\n");
    }

    /// <summary>
    /// What RETURN (SAVE) keeps (RFC 5182 §2.1): the whole result, except that with MIN and/or MAX but neither ALL
    /// nor COUNT only those messages are saved.
    /// </summary>
    public IReadOnlyList<uint> SavedNumbers(SearchReturnOptions options)
    {
        var minMaxOnly = (options & (SearchReturnOptions.Min | SearchReturnOptions.Max)) != 0
            && (options & (SearchReturnOptions.All | SearchReturnOptions.Count)) == 0;
        if (!minMaxOnly || numbers.Count == 0)
        {
            return numbers;
        }

        var saved = new List<uint>();
        if (options.HasFlag(SearchReturnOptions.Min))
        {
            saved.Add(numbers[0]);
        }

        if (options.HasFlag(SearchReturnOptions.Max) && (saved.Count == 0 || saved[0] != numbers[^1]))
        {
            saved.Add(numbers[^1]);
        }

        return saved;
    }
}
