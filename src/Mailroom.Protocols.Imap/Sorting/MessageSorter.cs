using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap.Sorting;

/// <summary>
/// The part of a message a SORT compares: a few numbers and the already case-mapped string keys the store indexed,
/// so sorting a large folder holds one small row per matching message, never the messages themselves.
/// </summary>
public sealed class SortRow
{
    public uint Sequence { get; init; }

    public uint Uid { get; init; }

    public long Arrival { get; init; }

    /// <summary>RFC 5256 §2.2 sent date: the Date header, else the internal date, as a UTC instant.</summary>
    public long Date { get; init; }

    public long Size { get; init; }

    /// <summary>The string keys the criteria compare, one slot per string criterion.</summary>
    public string?[] Strings { get; init; } = [];
}

/// <summary>
/// RFC 5256 SORT: compares rows by each criterion in turn, ties broken by sequence number (the order the messages
/// have in the mailbox), with REVERSE inverting one criterion only. String keys were ASCII-uppercased at delivery
/// (i;ascii-casemap), so they compare ordinally.
/// </summary>
public sealed class MessageSorter
{
    private readonly IReadOnlyList<SortCriterion> criteria;
    private readonly int[] stringSlot;

    public MessageSorter(IReadOnlyList<SortCriterion> criteria)
    {
        this.criteria = criteria;
        stringSlot = new int[criteria.Count];
        var slots = 0;
        for (var i = 0; i < criteria.Count; i++)
        {
            stringSlot[i] = IsString(criteria[i].Key) ? slots++ : -1;
        }

        StringSlots = slots;
        NeedsHeaders = criteria.Any(c => IsString(c.Key));
    }

    /// <summary>
    /// The same order as store sort keys when every criterion is numeric (ARRIVAL, DATE, SIZE), else null: then the
    /// store can sort (<see cref="Mailboxes.IMailboxStore.ListUidsInOrderAsync"/>) and no rows are built here.
    /// </summary>
    public IReadOnlyList<MessageOrderKey>? StoreOrder => NeedsHeaders
        ? null
        : criteria.Select(c => new MessageOrderKey(c.Key switch
        {
            SortKey.Arrival => MessageOrder.Arrival,
            SortKey.Date => MessageOrder.Date,
            _ => MessageOrder.Size,
        }, c.Reverse)).ToList();

    /// <summary>String keys come from the indexed header; ARRIVAL, SIZE and DATE (the store's sent_date column) do not need it.</summary>
    public bool NeedsHeaders { get; }

    private int StringSlots { get; }

    public SortRow ToRow(MessageRecord message, uint sequence)
    {
        var strings = new string?[StringSlots];
        for (var i = 0; i < criteria.Count; i++)
        {
            if (stringSlot[i] >= 0)
            {
                strings[stringSlot[i]] = StringKey(message, criteria[i].Key);
            }
        }

        return new SortRow
        {
            Sequence = sequence,
            Uid = message.Uid,
            Arrival = message.InternalDate.ToUnixTimeMilliseconds(),
            Date = (message.Headers?.SentDate ?? message.SentDate ?? message.InternalDate).ToUnixTimeMilliseconds(),
            Size = message.Size,
            Strings = strings,
        };
    }

    public void Sort(List<SortRow> rows) => rows.Sort(Compare);

    public int Compare(SortRow? a, SortRow? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        for (var i = 0; i < criteria.Count; i++)
        {
            var key = criteria[i].Key;
            var result = key switch
            {
                SortKey.Arrival => a.Arrival.CompareTo(b.Arrival),
                SortKey.Date => a.Date.CompareTo(b.Date),
                SortKey.Size => a.Size.CompareTo(b.Size),
                _ => string.CompareOrdinal(a.Strings[stringSlot[i]], b.Strings[stringSlot[i]]),
            };
            if (result != 0)
            {
                return criteria[i].Reverse ? -result : result;
            }
        }

        return a.Sequence.CompareTo(b.Sequence);
    }

    private static bool IsString(SortKey key) => key is not (SortKey.Arrival or SortKey.Date or SortKey.Size);

    private static string StringKey(MessageRecord message, SortKey key)
    {
        var headers = message.Headers;
        if (headers is null)
        {
            return string.Empty;
        }

        return key switch
        {
            SortKey.Cc => headers.SortCc,
            SortKey.From => headers.SortFrom,
            SortKey.To => headers.SortTo,
            SortKey.Subject => headers.SortSubject,

            // RFC 5957 §3: the display name, or the address when there is none; empty when there is no address.
            SortKey.DisplayFrom => headers.SortDisplayFrom,
            _ => headers.SortDisplayTo,
        };
    }
}
