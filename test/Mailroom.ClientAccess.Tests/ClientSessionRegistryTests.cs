using System.Net;
using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Storage.Sqlite;

namespace Mailroom.ClientAccess.Tests;

public sealed class ClientSessionRegistryTests
{
    private static ClientSessionInfo Info(Guid mailbox, string protocol = "POP3") =>
        new(mailbox, protocol, IPAddress.Loopback, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);

    [Fact]
    public void EndingAMailboxEndsEachOfItsSessionsOnceAndNoOtherMailboxs()
    {
        var registry = new ClientSessionRegistry();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var ended = new List<string>();
        using var a1 = registry.Register(Info(alice), r => ended.Add("a1 " + r));
        using var a2 = registry.Register(Info(alice, "IMAP4"), r => ended.Add("a2 " + r));
        using var b1 = registry.Register(Info(bob), r => ended.Add("b1 " + r));

        Assert.Equal(2, registry.EndSessions(alice, ClientSessionEndReason.AccountDisabled));
        Assert.Equal(0, registry.EndSessions(alice, ClientSessionEndReason.AccountDisabled));
        Assert.Equal(["a1 AccountDisabled", "a2 AccountDisabled"], ended.Order());
        Assert.Equal(3, registry.Sessions().Count);
    }

    [Fact]
    public void DisposingARegistrationForgetsItAndAnEmptyMailboxDisappears()
    {
        var registry = new ClientSessionRegistry();
        var alice = Guid.NewGuid();
        var first = registry.Register(Info(alice), _ => { });
        var second = registry.Register(Info(alice), _ => { });
        Assert.Equal([alice], registry.Mailboxes());
        first.Dispose();
        first.Dispose();
        Assert.Single(registry.Sessions(alice));
        second.Dispose();
        Assert.Empty(registry.Mailboxes());
        Assert.Equal(0, registry.EndSessions(alice, ClientSessionEndReason.MailboxRemoved));
    }

    [Fact]
    public void VerdictsFollowTheDirectoryObject()
    {
        Assert.Null(MailboxAccessMonitor.Verdict(new Mailbox()));
        Assert.Equal(ClientSessionEndReason.AccountDisabled, MailboxAccessMonitor.Verdict(new Mailbox { AccountDisabled = true }));
        Assert.Equal(ClientSessionEndReason.MailboxRemoved, MailboxAccessMonitor.Verdict(null));
    }

    [Fact]
    public async Task TheMonitorEndsSessionsOfDisabledAndMissingMailboxesOnly()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mailroom-ca-" + Guid.NewGuid().ToString("N"));
        try
        {
            var directory = new SqliteDirectoryStore(Path.Combine(folder, "directory.db"));
            await directory.InitializeAsync();
            var enabled = new Mailbox { Guid = Guid.NewGuid(), Name = "enabled", Alias = "enabled", DistinguishedName = "CN=enabled", UserPrincipalName = "enabled@x.example", SamAccountName = "enabled" };
            var disabled = new Mailbox { Guid = Guid.NewGuid(), Name = "disabled", Alias = "disabled", DistinguishedName = "CN=disabled", UserPrincipalName = "disabled@x.example", SamAccountName = "disabled", AccountDisabled = true };
            await directory.WriteAsync(async tx =>
            {
                await tx.AddAsync(enabled);
                await tx.AddAsync(disabled);
                return 0;
            });

            var registry = new ClientSessionRegistry();
            var reasons = new Dictionary<string, ClientSessionEndReason>();
            using var r1 = registry.Register(Info(enabled.Guid), r => reasons["enabled"] = r);
            using var r2 = registry.Register(Info(disabled.Guid), r => reasons["disabled"] = r);
            using var r3 = registry.Register(Info(Guid.NewGuid()), r => reasons["removed"] = r);

            var monitor = new MailboxAccessMonitor(registry, directory);
            Assert.Equal(2, await monitor.CheckAsync());
            Assert.Equal(ClientSessionEndReason.AccountDisabled, reasons["disabled"]);
            Assert.Equal(ClientSessionEndReason.MailboxRemoved, reasons["removed"]);
            Assert.False(reasons.ContainsKey("enabled"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WakeCutsTheWaitShort()
    {
        var monitor = new MailboxAccessMonitor(new ClientSessionRegistry(), null!);
        monitor.Wake();
        monitor.Wake();
        await monitor.WaitAsync(TimeSpan.FromHours(1), TimeProvider.System, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
