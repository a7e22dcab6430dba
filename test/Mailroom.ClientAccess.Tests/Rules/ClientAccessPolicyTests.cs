using System.Net;
using Mailroom.ClientAccess.Rules;
using Mailroom.ClientAccess.Sessions;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mailroom.ClientAccess.Tests.Rules;

/// <summary>The policy every protocol calls: both phases, protocol switches, the cache, open sessions, failing closed.</summary>
public sealed class ClientAccessPolicyTests
{
    private static readonly IPEndPoint Client = new(IPAddress.Parse("10.0.0.5"), 50000);

    [Fact]
    public async Task ALocalRuleChangeIsSeenByTheVeryNextCheck()
    {
        await using var org = await RulesOrganization.CreateAsync();
        var jeff = await org.NewMailboxAsync("Jeff");
        Assert.False((await org.Policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);

        await org.RunAsync("New-ClientAccessRule", new { Name = "No IMAP", Action = "Deny", AnyOfProtocols = new[] { "IMAP4" } });
        var denied = await org.Policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", jeff.Guid, default);
        Assert.Equal("No IMAP", denied.RuleName);
        Assert.True(denied.IsDenied);
        Assert.True((await org.Policy.CheckConnectionAsync("IMAP4", Client, default)).IsDenied);
        Assert.False((await org.Policy.CheckConnectionAsync("POP3", Client, default)).IsDenied);

        await org.RunAsync("Set-ClientAccessRule", new { Identity = "No IMAP", Enabled = false });
        Assert.False((await org.Policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);
    }

    [Fact]
    public async Task AProtocolSwitchTurnedOffDeniesThatProtocolOnly()
    {
        await using var org = await RulesOrganization.CreateAsync();
        var jeff = await org.NewMailboxAsync("Jeff");
        await org.RunAsync("Set-CASMailbox", new { Identity = "Jeff", PopEnabled = false, SmtpClientAuthenticationDisabled = true });
        Assert.True((await org.Policy.CheckUserAsync("POP3", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);
        Assert.True((await org.Policy.CheckUserAsync("SMTP", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);
        Assert.False((await org.Policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);
        var view = Assert.Single(await org.RunAsync("Get-CASMailbox", new { Identity = "Jeff" }));
        Assert.Contains("PopEnabled = False", view.ToString());
    }

    [Fact]
    public async Task OpenSessionsNowDeniedAreEndedAndOthersKept()
    {
        await using var org = await RulesOrganization.CreateAsync();
        var jeff = await org.NewMailboxAsync("Jeff", department: "Sales");
        var kim = await org.NewMailboxAsync("Kim", department: "Research");
        var registry = new ClientSessionRegistry();
        var ended = new List<string>();
        using var a = registry.Register(new ClientSessionInfo(jeff.Guid, "POP3", Client.Address, "c1", DateTimeOffset.UtcNow), r => ended.Add("jeff " + r));
        using var b = registry.Register(new ClientSessionInfo(kim.Guid, "POP3", Client.Address, "c2", DateTimeOffset.UtcNow), r => ended.Add("kim " + r));
        var check = new ClientAccessSessionCheck(registry, org.Policy);
        Assert.Equal(0, await check.CheckAsync());

        await org.RunAsync("New-ClientAccessRule", new { Name = "No Sales POP", Action = "Deny", AnyOfProtocols = new[] { "POP3" }, UserRecipientFilter = "Department -eq 'Sales'" });
        Assert.Equal(1, await check.CheckAsync());
        Assert.Equal(["jeff AccessDenied"], ended);
    }

    [Fact]
    public async Task DisableRulesIgnoresEveryRuleButNotTheProtocolSwitches()
    {
        await using var org = await RulesOrganization.CreateAsync(new ClientAccessOptions { DisableRules = true });
        var jeff = await org.NewMailboxAsync("Jeff");
        await org.RunAsync("New-ClientAccessRule", new { Name = "Deny all", Action = "Deny" });
        Assert.False((await org.Policy.CheckConnectionAsync("IMAP4", Client, default)).IsDenied);
        Assert.False((await org.Policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);
        await org.RunAsync("Set-CASMailbox", new { Identity = "Jeff", ImapEnabled = false });
        Assert.True((await org.Policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", jeff.Guid, default)).IsDenied);
    }

    [Fact]
    public async Task WhenTheRulesCantBeReadLoginsAreDeniedAndNothingThrows()
    {
        using var telemetry = new ClientAccessTelemetry();
        var broken = new BrokenStore();
        var policy = new ClientAccessPolicy(new ClientAccessRuleCache(broken), broken, new ClientAccessOptions(), telemetry, NullLogger<ClientAccessPolicy>.Instance);
        Assert.Equal(ClientAccessVerdict.Undecided, (await policy.CheckConnectionAsync("IMAP4", Client, default)).Verdict);
        var login = await policy.CheckUserAsync("IMAP4", Client, "BasicAuthentication", Guid.NewGuid(), default);
        Assert.Same(ClientAccessDecision.RulesUnavailable, login);

        // Open sessions are not ended because the store is unreachable.
        var registry = new ClientSessionRegistry();
        using var session = registry.Register(new ClientSessionInfo(Guid.NewGuid(), "POP3", Client.Address, "c", DateTimeOffset.UtcNow), _ => Assert.Fail("ended"));
        Assert.Equal(0, await new ClientAccessSessionCheck(registry, policy).CheckAsync());
    }

    [Fact]
    public async Task EveryDenialIsCountedWithTheRuleName()
    {
        await using var org = await RulesOrganization.CreateAsync();
        var seen = new List<(long, string?)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, org.Telemetry.Denied))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            seen.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "rule").Value as string)));
        listener.Start();

        await org.RunAsync("New-ClientAccessRule", new { Name = "Block 10/8", Action = "Deny", AnyOfClientIPAddressesOrRanges = new[] { "10.0.0.0/8" } });
        await org.Policy.CheckConnectionAsync("POP3", Client, default);
        Assert.Equal([(1L, "Block 10/8")], seen);
    }

    private sealed class BrokenStore : IDirectoryStore
    {
        public long ChangeGeneration => 0;

        public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void NoteChange()
        {
        }

        public Task<T> ReadAsync<T>(Func<IDirectoryReader, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new IOException("database is locked");

        public Task<T> WriteAsync<T>(Func<IDirectoryTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new IOException("database is locked");
    }
}
