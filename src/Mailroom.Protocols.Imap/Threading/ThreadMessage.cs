using Mailroom.Mailboxes.Indexing;
using Mailroom.Mailboxes.Model;

namespace Mailroom.Protocols.Imap.Threading;

/// <summary>What THREAD needs of one message (RFC 5256 §2.2, §4): its number in the response, sent date, ids and base subject.</summary>
public sealed record ThreadMessage(
    uint Id,
    uint Sequence,
    DateTimeOffset Date,
    string? MessageId,
    IReadOnlyList<string> References,
    string BaseSubject,
    bool IsReplyOrForward)
{
    /// <param name="id">The number the response uses: the sequence number, or the UID for UID THREAD.</param>
    public static ThreadMessage From(MessageRecord message, uint sequence, uint id)
    {
        var headers = message.Headers ?? IndexedHeaders.Empty;

        // §4 step 1: References, else the first id of In-Reply-To.
        IReadOnlyList<string> references = headers.References.Count > 0 ? headers.References
            : headers.InReplyTo is { } parent ? [parent] : [];
        return new ThreadMessage(
            id,
            sequence,
            headers.SentDate ?? message.SentDate ?? message.InternalDate,
            headers.MessageId,
            references,
            headers.SortSubject,
            IsReply(headers.Subject));
    }

    /// <summary>
    /// RFC 5256 §4 step 5: whether extracting the base subject removed a reply or forward marker ("Re:", "Fwd:",
    /// "(fwd)", "[fwd: …]"), not only list tags or whitespace.
    /// </summary>
    public static bool IsReply(string subject)
    {
        var s = subject.Trim();
        while (s.StartsWith('[') && s.IndexOf(']') is var close and > 0 && !s.StartsWith("[fwd:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[(close + 1)..].TrimStart();
        }

        if (s.StartsWith("[fwd:", StringComparison.OrdinalIgnoreCase) || s.EndsWith("(fwd)", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var length = s.StartsWith("re", StringComparison.OrdinalIgnoreCase) ? 2
            : s.StartsWith("fwd", StringComparison.OrdinalIgnoreCase) ? 3
            : s.StartsWith("fw", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        if (length == 0)
        {
            return false;
        }

        var rest = s[length..].TrimStart();
        if (rest.StartsWith('[') && rest.IndexOf(']') is var end and > 0)
        {
            rest = rest[(end + 1)..];
        }

        return rest.StartsWith(':');
    }
}

/// <summary>A node of a thread tree: a message, or a dummy (a message referred to but not present) with <see cref="Message"/> null.</summary>
public sealed class ThreadNode(ThreadMessage? message)
{
    /// <summary>Null for a dummy; set when the referred-to message turns up later in the folder.</summary>
    public ThreadMessage? Message { get; set; } = message;

    public ThreadNode? Parent { get; set; }

    public List<ThreadNode> Children { get; } = [];

    public bool IsDummy => Message is null;

    public void Add(ThreadNode child)
    {
        child.Parent = this;
        Children.Add(child);
    }

    /// <summary>Whether <paramref name="other"/> is this node or below it (linking it as a parent would make a loop).</summary>
    public bool HasDescendant(ThreadNode other)
    {
        for (var node = other; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node, this))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The date a node sorts by among its siblings: its message's, or for a dummy its first child's (§4 step 6).</summary>
    public (DateTimeOffset Date, uint Sequence) SortKey =>
        Message is { } m ? (m.Date, m.Sequence) : Children.Count > 0 ? Children[0].SortKey : (DateTimeOffset.MinValue, 0);
}
