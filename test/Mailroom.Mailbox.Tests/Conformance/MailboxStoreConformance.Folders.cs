using Mailroom.Mailboxes.Model;

namespace Mailroom.Mailboxes.Tests.Conformance;

/// <summary>Default folders, hierarchy, UIDVALIDITY, subscriptions.</summary>
public abstract partial class MailboxStoreConformance
{
    [Fact]
    public async Task ANewMailboxHasExchangesDefaultFoldersWithTheirSpecialUse()
    {
        var mailbox = await NewMailboxAsync();
        var folders = await Store.ListFoldersAsync(mailbox);

        var expected = new Dictionary<string, (DefaultFolder Role, string? SpecialUse)>
        {
            ["Inbox"] = (DefaultFolder.Inbox, null),
            ["Sent Items"] = (DefaultFolder.SentItems, @"\Sent"),
            ["Drafts"] = (DefaultFolder.Drafts, @"\Drafts"),
            ["Deleted Items"] = (DefaultFolder.DeletedItems, @"\Trash"),
            ["Junk Email"] = (DefaultFolder.JunkEmail, @"\Junk"),
            ["Archive"] = (DefaultFolder.Archive, @"\Archive"),
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), folders.Select(f => f.Name));
        Assert.All(folders, f =>
        {
            Assert.Equal(expected[f.Name], (f.Role, f.SpecialUse));
            Assert.Equal(1u, f.UidNext);
            Assert.Equal(0, f.MessageCount);
            Assert.NotEqual(0u, f.UidValidity);
        });
        Assert.Equal(6, folders.Select(f => f.UidValidity).Distinct().Count());

        Assert.False(await Store.CreateMailboxAsync(mailbox));
        Assert.Equal(6, (await Store.ListFoldersAsync(mailbox)).Count);
        Assert.Equal("Inbox", (await Store.GetFolderAsync(mailbox, "INBOX"))?.Name);
        Assert.Equal("Junk Email", (await Store.GetDefaultFolderAsync(mailbox, DefaultFolder.JunkEmail))?.Name);
    }

    [Fact]
    public async Task DefaultFoldersCannotBeRenamedOrDeleted()
    {
        var mailbox = await NewMailboxAsync();
        var sent = await FolderAsync(mailbox, "Sent Items");

        var rename = await Assert.ThrowsAsync<FolderOperationException>(() => Store.RenameFolderAsync(sent.Id, "Outbox"));
        var delete = await Assert.ThrowsAsync<FolderOperationException>(() => Store.DeleteFolderAsync(sent.Id));
        Assert.Equal(FolderError.DefaultFolder, rename.Reason);
        Assert.Equal(FolderError.DefaultFolder, delete.Reason);
    }

    [Fact]
    public async Task CreatingANestedFolderCreatesItsParents()
    {
        var mailbox = await NewMailboxAsync();
        var q1 = await Store.CreateFolderAsync(mailbox, "Projects/2026/Q1");

        Assert.Equal("Projects/2026/Q1", q1.Name);
        Assert.NotNull(await Store.GetFolderAsync(mailbox, "projects"));
        Assert.NotNull(await Store.GetFolderAsync(mailbox, "Projects/2026"));
        var error = await Assert.ThrowsAsync<FolderOperationException>(() => Store.CreateFolderAsync(mailbox, "PROJECTS/2026"));
        Assert.Equal(FolderError.AlreadyExists, error.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("/a")]
    [InlineData("a*")]
    [InlineData("50%")]
    [InlineData("tab\there")]
    [InlineData(" padded")]
    public async Task InvalidFolderNamesAreRefused(string name)
    {
        var mailbox = await NewMailboxAsync();
        var error = await Assert.ThrowsAsync<FolderOperationException>(() => Store.CreateFolderAsync(mailbox, name));
        Assert.Equal(FolderError.InvalidName, error.Reason);
    }

    [Fact]
    public async Task RenamingMovesChildrenAndKeepsIdsAndUidValidity()
    {
        var mailbox = await NewMailboxAsync();
        var leaf = await Store.CreateFolderAsync(mailbox, "Projects/Alpha");
        var parent = await FolderAsync(mailbox, "Projects");

        await Store.RenameFolderAsync(parent.Id, "Work/Projects");

        var moved = await Store.GetFolderAsync(leaf.Id);
        Assert.Equal("Work/Projects/Alpha", moved?.Name);
        Assert.Equal(leaf.UidValidity, moved?.UidValidity);
        Assert.Equal(parent.Id, (await FolderAsync(mailbox, "Work/Projects")).Id);
        Assert.NotNull(await Store.GetFolderAsync(mailbox, "Work"));
        Assert.Null(await Store.GetFolderAsync(mailbox, "Projects"));
        var under = await Assert.ThrowsAsync<FolderOperationException>(() => Store.RenameFolderAsync(parent.Id, "Work/Projects/Alpha/Inner"));
        Assert.Equal(FolderError.InvalidName, under.Reason);
        var taken = await Assert.ThrowsAsync<FolderOperationException>(() => Store.RenameFolderAsync(leaf.Id, "inbox"));
        Assert.Equal(FolderError.AlreadyExists, taken.Reason);
    }

    [Fact]
    public async Task AFolderWithChildrenIsNotDeletedAndARecreatedFolderGetsANewUidValidity()
    {
        var mailbox = await NewMailboxAsync();
        var child = await Store.CreateFolderAsync(mailbox, "Trips/Rome");
        var parent = await FolderAsync(mailbox, "Trips");
        var error = await Assert.ThrowsAsync<FolderOperationException>(() => Store.DeleteFolderAsync(parent.Id));
        Assert.Equal(FolderError.HasChildren, error.Reason);

        await Store.DeleteFolderAsync(child.Id);
        Assert.Null(await Store.GetFolderAsync(child.Id));
        var again = await Store.CreateFolderAsync(mailbox, "Trips/Rome");

        // RFC 9051 §2.3.1.1: a new folder under an old name must not reuse the old UIDVALIDITY.
        Assert.True(again.UidValidity > child.UidValidity);
        Assert.NotEqual(child.Id, again.Id);
    }

    [Fact]
    public async Task UidValidityAndCountersSurviveReopeningTheStore()
    {
        var mailbox = await NewMailboxAsync();
        await DeliverAsync(mailbox, await ImportAsync("kept"));
        var before = await Store.ListFoldersAsync(mailbox);

        var reopened = await OpenStoreAsync();
        await reopened.InitializeAsync();

        Assert.Equal(before, await reopened.ListFoldersAsync(mailbox));
    }

    [Fact]
    public async Task SubscriptionsNeedNotNameExistingFolders()
    {
        var mailbox = await NewMailboxAsync();
        await Store.SetSubscribedAsync(mailbox, "Inbox", true);
        await Store.SetSubscribedAsync(mailbox, "Later/Maybe", true);
        await Store.SetSubscribedAsync(mailbox, "INBOX", true);
        Assert.Equal(["Inbox", "Later/Maybe"], await Store.ListSubscriptionsAsync(mailbox));

        await Store.SetSubscribedAsync(mailbox, "later/maybe", false);
        Assert.Equal(["Inbox"], await Store.ListSubscriptionsAsync(mailbox));
    }

    [Fact]
    public async Task OperationsOnAMissingMailboxOrFolderSaySo()
    {
        var nobody = Guid.NewGuid();
        await Assert.ThrowsAsync<MailboxNotFoundException>(() => Store.CreateFolderAsync(nobody, "x"));
        await Assert.ThrowsAsync<FolderNotFoundException>(() => Store.GetFolderStatusAsync(987654321));
        Assert.Null(await Store.GetUsageAsync(nobody));
        Assert.Empty(await Store.ListFoldersAsync(nobody));
    }
}
