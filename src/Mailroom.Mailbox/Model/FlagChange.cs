namespace Mailroom.Mailboxes.Model;

/// <summary>STORE's three forms (RFC 9051 §6.4.6): FLAGS replaces, +FLAGS adds, -FLAGS removes.</summary>
public enum FlagOperation
{
    Replace,
    Add,
    Remove,
}

public sealed record FlagChange(FlagOperation Operation, MessageFlags Flags, IReadOnlyList<string> Keywords)
{
    public static FlagChange Add(MessageFlags flags, params string[] keywords) => new(FlagOperation.Add, flags, keywords);

    public static FlagChange Remove(MessageFlags flags, params string[] keywords) => new(FlagOperation.Remove, flags, keywords);

    public static FlagChange Replace(MessageFlags flags, params string[] keywords) => new(FlagOperation.Replace, flags, keywords);
}

/// <summary>
/// One page of a STORE. With <see cref="UnchangedSince"/> (RFC 7162 §3.1.3) a message whose MODSEQ is higher is left
/// alone and reported in <see cref="FlagStoreResult.Modified"/>.
/// </summary>
public sealed record FlagStoreRequest(UidRange Range, FlagChange Change)
{
    public ulong? UnchangedSince { get; init; }

    public int Limit { get; init; } = 1000;
}

/// <summary>
/// A message's flags after the STORE, with its MODSEQ; <see cref="Changed"/> is false when the STORE asked for what it
/// already had (its MODSEQ then stays). A non-silent STORE reports every one of these in an untagged FETCH.
/// </summary>
public sealed record FlagUpdate(uint Uid, MessageFlags Flags, IReadOnlyList<string> Keywords, ulong ModSeq, bool Changed);

/// <summary>
/// The messages changed (for untagged FETCH), those refused by UNCHANGEDSINCE (the MODIFIED response code), and where
/// the next page starts. Each page is its own transaction; messages whose flags would not change keep their MODSEQ.
/// </summary>
public sealed record FlagStoreResult(IReadOnlyList<FlagUpdate> Updated, IReadOnlyList<uint> Modified, ulong HighestModSeq, uint? NextUid);
