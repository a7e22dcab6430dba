using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Mailboxes.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Mailroom.IntegrationTests;

/// <summary>Reads a node's mailboxes through its own stores, for tests that check what was delivered.</summary>
public static class Inbox
{
    /// <summary>Delivery runs right after acceptance, in the background: waits (bounded) for a message whose text contains <paramref name="subject"/>.</summary>
    public static async Task<string> WaitForAsync(TestNode node, string alias, string subject, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var text in await MessagesAsync(node.Node.App.Services, alias))
            {
                if (text.Contains(subject, StringComparison.Ordinal))
                {
                    return text;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No message \"{subject}\" reached {alias}'s Inbox on {node.Node.Identity.ServerName}.");
    }

    /// <summary>The full text of every message in the mailbox's Inbox, page by page.</summary>
    public static async Task<List<string>> MessagesAsync(IServiceProvider services, string alias)
    {
        var directory = services.GetRequiredService<IDirectoryStore>();
        var mailboxes = services.GetRequiredService<IMailboxStore>();
        var id = (await directory.ReadAsync(r => r.FindByKeyAsync(DirectoryKey.Alias(alias))))!.Value;
        var texts = new List<string>();
        if (await mailboxes.GetDefaultFolderAsync(id, DefaultFolder.Inbox) is not { } inbox)
        {
            return texts;
        }

        uint? next = 1;
        while (next is { } from)
        {
            var page = await mailboxes.FetchAsync(inbox.Id, new FetchRequest(UidRange.From(from)));
            foreach (var message in page.Messages)
            {
                await using var body = await mailboxes.Blobs.OpenReadAsync(message.BlobId);
                texts.Add(await new StreamReader(body).ReadToEndAsync());
            }

            next = page.NextUid;
        }

        return texts;
    }
}
