namespace Mailroom.Protocols.Imap.Threading;

/// <summary>
/// THREAD=REFERENCES (RFC 5256 §4): threads by Message-ID/References/In-Reply-To links, prunes dummies, groups
/// roots by base subject, then sorts siblings by sent date.
/// </summary>
public static class ReferencesThreader
{
    public static IReadOnlyList<ThreadNode> Thread(IEnumerable<ThreadMessage> messages)
    {
        var byId = new Dictionary<string, ThreadNode>(StringComparer.Ordinal);
        var all = new List<ThreadNode>();

        // Step 1: containers and links. A message without a Message-ID, or with one already used, gets a unique one.
        foreach (var message in messages)
        {
            ThreadNode node;
            if (message.MessageId is { Length: > 0 } id && byId.TryGetValue(id, out var existing) && existing.IsDummy)
            {
                existing.Message = message;
                node = existing;
            }
            else
            {
                node = new ThreadNode(message);
                if (message.MessageId is { Length: > 0 } fresh && !byId.ContainsKey(fresh))
                {
                    byId[fresh] = node;
                }

                all.Add(node);
            }


            // 1A: link the references in order, parent before child, without loops and without re-parenting.
            ThreadNode? previous = null;
            foreach (var reference in message.References)
            {
                if (!byId.TryGetValue(reference, out var container))
                {
                    container = new ThreadNode(null);
                    byId[reference] = container;
                    all.Add(container);
                }

                if (previous is not null && container.Parent is null && !container.HasDescendant(previous))
                {
                    previous.Add(container);
                }

                previous = container;
            }

            // 1B: the last reference (or none) is the message's parent, replacing any link a truncated References made.
            if (previous is null)
            {
                Unlink(node);
            }
            else if (!node.HasDescendant(previous))
            {
                Unlink(node);
                previous.Add(node);
            }
        }

        // Step 2: the root set.
        var roots = all.Where(n => n.Parent is null).ToList();

        // Step 4: prune dummies.
        roots = Prune(roots, isRoot: true);
        foreach (var root in roots)
        {
            root.Parent = null;
        }

        // Step 5: gather roots with the same base subject.
        roots = GroupBySubject(roots);

        // Step 6: sort siblings by date (dummies by their first child's), then sequence.
        SortTree(roots);
        return roots;
    }

    private static void Unlink(ThreadNode node)
    {
        node.Parent?.Children.Remove(node);
        node.Parent = null;
    }

    /// <summary>
    /// §4 step 4: a dummy without children goes; a dummy's children take its place, except at the root where a
    /// dummy with several children stays (its children would otherwise become separate threads).
    /// </summary>
    private static List<ThreadNode> Prune(List<ThreadNode> nodes, bool isRoot)
    {
        var result = new List<ThreadNode>();
        foreach (var node in nodes)
        {
            var children = Prune(node.Children, isRoot: false);
            node.Children.Clear();
            foreach (var child in children)
            {
                node.Add(child);
            }

            if (!node.IsDummy)
            {
                result.Add(node);
            }
            else if (node.Children.Count == 0)
            {
                continue;
            }
            else if (!isRoot || node.Children.Count == 1)
            {
                result.AddRange(node.Children);
            }
            else
            {
                result.Add(node);
            }
        }

        return result;
    }

    private static List<ThreadNode> GroupBySubject(List<ThreadNode> roots)
    {
        // 5B–C: one entry per base subject, preferring a dummy, then a message that is not a reply.
        var table = new Dictionary<string, ThreadNode>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var subject = SubjectOf(root, out var isReply);
            if (subject.Length == 0)
            {
                continue;
            }

            if (!table.TryGetValue(subject, out var current)
                || (root.IsDummy && !current.IsDummy)
                || (!current.IsDummy && !root.IsDummy && IsReply(current) && !isReply))
            {
                table[subject] = root;
            }
        }

        // 5E: merge every other root with its subject's entry. Order does not matter: step 6 sorts the roots.
        var remaining = new HashSet<ThreadNode>(roots, ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            var subject = SubjectOf(root, out var isReply);
            if (!remaining.Contains(root) || subject.Length == 0 || !table.TryGetValue(subject, out var entry) || ReferenceEquals(entry, root))
            {
                continue;
            }

            if (entry.IsDummy && root.IsDummy)
            {
                foreach (var child in root.Children.ToList())
                {
                    entry.Add(child);
                }

                remaining.Remove(root);
            }
            else if (entry.IsDummy || (isReply && !IsReply(entry)))
            {
                entry.Add(root);
                remaining.Remove(root);
            }
            else if (root.IsDummy)
            {
                root.Add(entry);
                remaining.Remove(entry);
                table[subject] = root;
            }
            else
            {
                var dummy = new ThreadNode(null);
                remaining.Remove(entry);
                remaining.Remove(root);
                dummy.Add(entry);
                dummy.Add(root);
                remaining.Add(dummy);
                table[subject] = dummy;
            }
        }

        return [.. remaining];
    }

    private static string SubjectOf(ThreadNode node, out bool isReply)
    {
        var message = node.Message ?? (node.Children.Count > 0 ? FirstByDate(node.Children).Message : null);
        isReply = message?.IsReplyOrForward ?? false;
        return message?.BaseSubject ?? string.Empty;
    }

    private static bool IsReply(ThreadNode node) => node.Message?.IsReplyOrForward ?? false;

    private static ThreadNode FirstByDate(List<ThreadNode> nodes) => nodes.MinBy(n => n.SortKey)!;

    private static void SortTree(List<ThreadNode> nodes)
    {
        foreach (var node in nodes)
        {
            SortTree(node.Children);
        }

        nodes.Sort((a, b) => a.SortKey.CompareTo(b.SortKey));
    }
}
