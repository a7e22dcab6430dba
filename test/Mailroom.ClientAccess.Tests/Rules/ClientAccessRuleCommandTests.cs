using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Model;

namespace Mailroom.ClientAccess.Tests.Rules;

/// <summary>New/Set/Get/Remove/Test-ClientAccessRule through the management service, as the API runs them.</summary>
public sealed class ClientAccessRuleCommandTests
{
    [Fact]
    public async Task PrioritiesStayDenseInsertionShiftsAndOutOfRangeClampsToTheEnd()
    {
        await using var org = await RulesOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessRule", new { Name = "a", Action = "AllowAccess" });
        await org.RunAsync("New-ClientAccessRule", new { Name = "b", Action = "Allow" });
        await org.RunAsync("New-ClientAccessRule", new { Name = "c", Action = "Deny", Priority = 1 });
        Assert.Equal(["1:c", "2:a", "3:b"], await org.RuleOrderAsync());
        await org.RunAsync("New-ClientAccessRule", new { Name = "d", Action = "DenyAccess", Priority = 99 });
        await org.RunAsync("New-ClientAccessRule", new { Name = "e", Action = "DenyAccess", Priority = 0 });
        Assert.Equal(["1:e", "2:c", "3:a", "4:b", "5:d"], await org.RuleOrderAsync());
        await org.RunAsync("Set-ClientAccessRule", new { Identity = "d", Priority = 2 });
        Assert.Equal(["1:e", "2:d", "3:c", "4:a", "5:b"], await org.RuleOrderAsync());
        await org.RunAsync("Remove-ClientAccessRule", new { Identity = "d" });
        Assert.Equal(["1:e", "2:c", "3:a", "4:b"], await org.RuleOrderAsync());
    }

    [Fact]
    public async Task ValuesAreStoredInCanonicalFormAndSetEditsListsWithAddAndRemove()
    {
        await using var org = await RulesOrganization.CreateAsync();
        var rule = Assert.IsType<ClientAccessRule>(Assert.Single(await org.RunAsync("New-ClientAccessRule", new
        {
            Name = "r", Action = "Deny", AnyOfProtocols = new[] { "imap4", "pop3" }, AnyOfClientIPAddressesOrRanges = new[] { "192.168.3.1/24", "::ffff:10.0.0.1" },
            UsernameMatchesAnyOfPatterns = new[] { "*jeff*" }, UserRecipientFilter = "department -eq 'Sales'", Scope = "users", Enabled = false,
        })));
        Assert.Equal(["IMAP4", "POP3"], rule.AnyOfProtocols);
        Assert.Equal(["192.168.3.0/24", "10.0.0.1"], rule.AnyOfClientIPAddressesOrRanges.Select(r => r.ToString()));
        Assert.Equal(ClientAccessRulesScope.Users, rule.Scope);
        Assert.False(rule.Enabled);

        await org.RunAsync("Set-ClientAccessRule", new { Identity = "r", AnyOfProtocols = new { Add = new[] { "SMTP" }, Remove = new[] { "POP3" } }, Enabled = true });
        rule = Assert.IsType<ClientAccessRule>(Assert.Single(await org.RunAsync("Get-ClientAccessRule", new { Identity = "r" })));
        Assert.Equal(["IMAP4", "SMTP"], rule.AnyOfProtocols);
        Assert.True(rule.Enabled);
        await org.RunAsync("Set-ClientAccessRule", new { Identity = "r", AnyOfProtocols = (string[]?)null, UserRecipientFilter = (string?)null });
        rule = Assert.IsType<ClientAccessRule>(Assert.Single(await org.RunAsync("Get-ClientAccessRule", new { Identity = rule.Guid.ToString() })));
        Assert.Empty(rule.AnyOfProtocols);
        Assert.Null(rule.UserRecipientFilter);
    }

    public static TheoryData<string, object, string> BadInput => new()
    {
        { "invalid IP", new { Name = "x", Action = "Deny", AnyOfClientIPAddressesOrRanges = new[] { "10.0.0.256" } }, "isn't a valid IP range" },
        { "reversed range", new { Name = "x", Action = "Deny", AnyOfClientIPAddressesOrRanges = new[] { "10.0.0.9-10.0.0.1" } }, "must not be greater" },
        { "prefix too long", new { Name = "x", Action = "Deny", ExceptAnyOfClientIPAddressesOrRanges = new[] { "10.0.0.0/33" } }, "0 to 32" },
        { "IPv6 prefix too long", new { Name = "x", Action = "Deny", AnyOfClientIPAddressesOrRanges = new[] { "2001:db8::/129" } }, "0 to 128" },
        { "unknown protocol", new { Name = "x", Action = "Deny", AnyOfProtocols = new[] { "Gopher" } }, "\"Gopher\" isn't valid" },
        { "unknown auth type", new { Name = "x", Action = "Deny", AnyOfAuthenticationTypes = new[] { "Kerberos" } }, "\"Kerberos\" isn't valid" },
        { "bad OPath", new { Name = "x", Action = "Deny", UserRecipientFilter = "Department -eq" }, "UserRecipientFilter may test only" },
        { "OPath outside the restricted set", new { Name = "x", Action = "Deny", UserRecipientFilter = "Alias -eq 'jeff'" }, "UserRecipientFilter may test only" },
        { "several values in one string", new { Name = "x", Action = "Deny", AnyOfProtocols = new[] { "IMAP4,POP3" } }, "-AnyOfProtocols \"IMAP4\",\"POP3\"" },
        { "several addresses in one string", new { Name = "x", Action = "Deny", AnyOfClientIPAddressesOrRanges = "10.0.0.1, 10.0.0.2" }, "holds several values in one string" },
        { "invalid combination", new { Name = "x", Action = "Deny", AnyOfProtocols = new[] { "IMAP4" }, AnyOfAuthenticationTypes = new[] { "NonBasicAuthentication" } }, ClientAccessAuthenticationTypes.InvalidCombination },
        { "bad action", new { Name = "x", Action = "Block" }, "use AllowAccess or DenyAccess" },
        { "missing action", new { Name = "x" }, "'Action' is required" },
        { "bad scope", new { Name = "x", Action = "Deny", Scope = "Everyone" }, "use All or Users" },
        { "negative priority", new { Name = "x", Action = "Deny", Priority = -1 }, "priorities are whole numbers from 1" },
        { "duplicate name", new { Name = "existing", Action = "Deny" }, "is already being used" },
        { "empty pattern", new { Name = "x", Action = "Deny", UsernameMatchesAnyOfPatterns = new[] { " " } }, "can't be empty" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedWithAClearErrorAndChangesNothing(string name, object parameters, string message)
    {
        await using var org = await RulesOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessRule", new { Name = "existing", Action = "Allow", AnyOfProtocols = new[] { "POP3" } });
        var before = await org.RuleOrderAsync();
        var error = await org.RefusedAsync("New-ClientAccessRule", parameters);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{name}: {error.Message}");
        Assert.Equal(before, await org.RuleOrderAsync());
    }

    [Fact]
    public async Task SetRefusesBadEditsWithoutChangingTheRule()
    {
        await using var org = await RulesOrganization.CreateAsync();
        await org.RunAsync("New-ClientAccessRule", new { Name = "r", Action = "Deny", AnyOfProtocols = new[] { "RemotePowerShell" } });
        await org.RefusedAsync("Set-ClientAccessRule", new { Identity = "r", AnyOfAuthenticationTypes = new[] { "OAuthAuthentication" } });
        await org.RefusedAsync("Set-ClientAccessRule", new { Identity = "r", AnyOfProtocols = new { Add = new[] { "IMAP4,POP3" } } });
        await org.RefusedAsync("Set-ClientAccessRule", new { Identity = "nope", Enabled = false });
        var rule = Assert.IsType<ClientAccessRule>(Assert.Single(await org.RunAsync("Get-ClientAccessRule", new { Identity = "r" })));
        Assert.Equal(["RemotePowerShell"], rule.AnyOfProtocols);
        Assert.Empty(rule.AnyOfAuthenticationTypes);
    }

    [Fact]
    public async Task TestClientAccessRuleReturnsTheDecidingRuleOrNothing()
    {
        await using var org = await RulesOrganization.CreateAsync();
        await org.NewMailboxAsync("Jeff", department: "Sales");
        await org.RunAsync("New-ClientAccessRule", new { Name = "Allow admins", Action = "Allow", AnyOfClientIPAddressesOrRanges = new[] { "172.17.17.0/24" } });
        await org.RunAsync("New-ClientAccessRule", new { Name = "No Sales POP", Action = "Deny", AnyOfProtocols = new[] { "POP3" }, UserRecipientFilter = "Department -eq 'Sales'" });

        async Task<string?> TestAsync(string protocol, string address, string user = "jeff@contoso.com") =>
            (await org.RunAsync("Test-ClientAccessRule", new { User = user, AuthenticationType = "BasicAuthentication", Protocol = protocol, RemoteAddress = address, RemotePort = 443 }))
                .Cast<ClientAccessRule>().SingleOrDefault()?.Name;

        Assert.Equal("Allow admins", await TestAsync("POP3", "172.17.17.26"));
        Assert.Equal("No Sales POP", await TestAsync("POP3", "10.1.1.1", "CONTOSO\\jeff"));
        Assert.Null(await TestAsync("IMAP4", "10.1.1.1"));
        Assert.Null(await TestAsync("POP3", "10.1.1.1", "administrator@contoso.com"));

        var invalid = await org.RefusedAsync("Test-ClientAccessRule", new { User = "jeff@contoso.com", AuthenticationType = "NonBasicAuthentication", Protocol = "IMAP4", RemoteAddress = "10.1.1.1", RemotePort = 143 });
        Assert.Equal(ClientAccessAuthenticationTypes.InvalidCombination, invalid.Message);
        await org.RefusedAsync("Test-ClientAccessRule", new { User = "jeff@contoso.com", AuthenticationType = "BasicAuthentication", Protocol = "IMAP4", RemoteAddress = "10.1.1.1", RemotePort = 0 });
        await org.RefusedAsync("Test-ClientAccessRule", new { User = "jeff@contoso.com", AuthenticationType = "BasicAuthentication", Protocol = "IMAP4", RemoteAddress = "10.1", RemotePort = 143 });
    }

    [Fact]
    public async Task AChangeThatWouldDenyTheCallersOwnConnectionIsRefusedUnlessForced()
    {
        await using var org = await RulesOrganization.CreateAsync();
        var fromOffice = org.AdminFrom("192.0.2.10");
        var fromAdminNet = org.AdminFrom("10.0.0.7");

        var refused = await org.RefusedAsync("New-ClientAccessRule", new { Name = "RPS only from admin net", Action = "Deny", AnyOfProtocols = new[] { "RemotePowerShell" }, ExceptAnyOfClientIPAddressesOrRanges = new[] { "10.0.0.0/24" } }, fromOffice);
        Assert.Equal("ClientAccessRuleLockout", refused.ErrorId);
        Assert.Contains("-Force", refused.Message);
        Assert.Empty(await org.RuleOrderAsync());

        // From inside the excepted range the same rule is fine; removing the exception would lock the caller out.
        await org.RunAsync("New-ClientAccessRule", new { Name = "RPS only from admin net", Action = "Deny", AnyOfProtocols = new[] { "RemotePowerShell" }, ExceptAnyOfClientIPAddressesOrRanges = new[] { "10.0.0.0/24" } }, fromAdminNet);
        await org.RefusedAsync("Set-ClientAccessRule", new { Identity = "RPS only from admin net", ExceptAnyOfClientIPAddressesOrRanges = (string[]?)null }, fromAdminNet);

        // An allow rule first, then its removal would lock out: refused; with -Force both go through.
        await org.RunAsync("New-ClientAccessRule", new { Name = "Allow office", Action = "Allow", AnyOfClientIPAddressesOrRanges = new[] { "192.0.2.0/24" }, Priority = 1 }, fromAdminNet);
        await org.RefusedAsync("Remove-ClientAccessRule", new { Identity = "Allow office" }, fromOffice);
        Assert.Equal(["1:Allow office", "2:RPS only from admin net"], await org.RuleOrderAsync());
        await org.RunAsync("Remove-ClientAccessRule", new { Identity = "Allow office", Force = true }, fromOffice);
        Assert.Equal(["1:RPS only from admin net"], await org.RuleOrderAsync());
    }
}
