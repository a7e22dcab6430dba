namespace Mailroom.Protocols.Imap.Threading;

/// <summary>
/// THREAD=ORDEREDSUBJECT (RFC 5256 §4): messages sorted by base subject then sent date; each run of one subject is a
/// thread whose first message is the parent of all the others; threads are ordered by their first message's date.
/// </summary>
public static class OrderedSubjectThreader
{
    public static IReadOnlyList<ThreadNode> Thread(IEnumerable<ThreadMessage> messages)
    {
        var sorted = messages.OrderBy(m => m.BaseSubject, StringComparer.Ordinal).ThenBy(m => m.Date).ThenBy(m => m.Sequence).ToList();
        var threads = new List<ThreadNode>();
        ThreadNode? current = null;
        foreach (var message in sorted)
        {
            var node = new ThreadNode(message);
            if (current is not null && current.Message!.BaseSubject == message.BaseSubject)
            {
                current.Add(node);
            }
            else
            {
                current = node;
                threads.Add(node);
            }
        }

        return threads.OrderBy(t => t.Message!.Date).ThenBy(t => t.Message!.Sequence).ToList();
    }
}
