using System.Collections.Concurrent;
using System.Globalization;
using Mailroom.Mailboxes.Changes;

namespace Mailroom.Storage.PostgreSql.Array;

/// <summary>
/// The change feed of an array (the seam <see cref="IMailboxChangeFeed"/> describes): a hint published here reaches
/// this node's subscribers at once and the other nodes' through one NOTIFY on <see cref="PostgreSqlNodeLink.MailboxChannel"/>,
/// whose payload is a single line of counters (well under PostgreSQL's 8000-byte limit). Hints from other nodes are
/// fanned out to local subscribers; after the link was lost, every subscribed mailbox gets a hint per folder so
/// IDLE sessions re-read what they may have missed.
/// </summary>
public sealed class PostgreSqlMailboxChangeFeed : IMailboxChangeFeed
{
    private readonly InProcessMailboxChangeFeed local = new();
    private readonly ConcurrentDictionary<Guid, int> subscribed = new();
    private readonly PostgreSqlNodeLink link;
    private readonly string instance;

    public PostgreSqlMailboxChangeFeed(PostgreSqlNodeLink link)
    {
        this.link = link;
        instance = link.InstanceId.ToString("N");
        link.MailboxNotified += OnNotified;
        link.Resynchronize += () => _ = ResynchronizeAsync();
    }

    /// <summary>Lists a mailbox's folder ids (set by whoever builds the store, which is created after its feed).</summary>
    public Func<Guid, CancellationToken, Task<IReadOnlyList<long>>>? FolderIds { get; set; }

    public void Publish(MailboxChange change)
    {
        local.Publish(change);
        link.Notify(PostgreSqlNodeLink.MailboxChannel, Format(instance, change));
    }

    public MailboxSubscription Subscribe(Guid mailboxId)
    {
        subscribed.AddOrUpdate(mailboxId, 1, (_, n) => n + 1);
        var inner = local.Subscribe(mailboxId);
        return new MailboxSubscription(mailboxId, inner.Changes, () =>
        {
            inner.Dispose();
            if (subscribed.AddOrUpdate(mailboxId, 0, (_, n) => n - 1) <= 0)
            {
                subscribed.TryRemove(new KeyValuePair<Guid, int>(mailboxId, 0));
            }
        });
    }

    /// <summary><c>instance mailbox folder kind uidnext modseq</c>, space separated.</summary>
    public static string Format(string instance, MailboxChange change) => string.Create(
        CultureInfo.InvariantCulture, $"{instance} {change.MailboxId:N} {change.FolderId} {(int)change.Kind} {change.UidNext} {change.HighestModSeq}");

    /// <summary>The hint in a payload and who sent it, or null for anything malformed.</summary>
    public static (string Instance, MailboxChange Change)? Parse(string payload)
    {
        var parts = payload.Split(' ');
        return parts.Length == 6
            && Guid.TryParseExact(parts[1], "N", out var mailbox)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var folder)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && Enum.IsDefined((MailboxChangeKind)kind)
            && uint.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var uidNext)
            && ulong.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var modSeq)
                ? (parts[0], new MailboxChange(mailbox, folder, (MailboxChangeKind)kind, uidNext, modSeq))
                : null;
    }

    private void OnNotified(string payload)
    {
        if (Parse(payload) is { } hint && hint.Instance != instance && subscribed.ContainsKey(hint.Change.MailboxId))
        {
            local.Publish(hint.Change);
        }
    }

    private async Task ResynchronizeAsync()
    {
        if (FolderIds is not { } folders)
        {
            return;
        }

        foreach (var mailbox in subscribed.Keys)
        {
            try
            {
                foreach (var folder in await folders(mailbox, CancellationToken.None))
                {
                    local.Publish(new MailboxChange(mailbox, folder, MailboxChangeKind.FlagsChanged, 0, 0));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The store is unreachable too; the next resynchronization tries again.
            }
        }
    }
}
