using Mailroom.ClientAccess.Rules;
using Mailroom.Directory.Model;
using static Mailroom.ClientAccess.Tests.Rules.RuleBuilder;

namespace Mailroom.ClientAccess.Tests.Rules;

/// <summary>The evaluation of exchange.md §3.2/§3.4, one row per condition, exception, value form and ordering case.</summary>
public sealed class ClientAccessRuleSetTests
{
    public static TheoryData<string, ClientAccessRule[], ClientAccessRequest, string> Cases => new()
    {
        // No rules, or no rule applying: allowed.
        { "no rules", [], Login(), "allowed" },
        { "rule for another protocol", [Rule("r", protocols: ["POP3"])], Login("IMAP4"), "allowed" },

        // AnyOfProtocols / ExceptAnyOfProtocols; no protocol condition means every protocol.
        { "protocol matches", [Rule("r", protocols: ["POP3", "IMAP4"])], Login("IMAP4"), "denied:r" },
        { "protocol case-insensitive", [Rule("r", protocols: ["imap4"])], Login("IMAP4"), "denied:r" },
        { "no protocol condition", [Rule("r")], Login("SMTP"), "denied:r" },
        { "protocol excepted", [Rule("r", exceptProtocols: ["RemotePowerShell"])], Login("RemotePowerShell"), "allowed" },
        { "protocol not excepted", [Rule("r", exceptProtocols: ["RemotePowerShell"])], Login("POP3"), "denied:r" },

        // AnyOfClientIPAddressesOrRanges in every form, IPv4 and IPv6, and the exception.
        { "single address", [Rule("r", ips: ["10.0.0.5"])], Login(address: "10.0.0.5"), "denied:r" },
        { "single address other", [Rule("r", ips: ["10.0.0.6"])], Login(address: "10.0.0.5"), "allowed" },
        { "dash range inside", [Rule("r", ips: ["10.0.0.1-10.0.0.9"])], Login(address: "10.0.0.9"), "denied:r" },
        { "dash range outside", [Rule("r", ips: ["10.0.0.1-10.0.0.9"])], Login(address: "10.0.0.10"), "allowed" },
        { "CIDR with host bits set", [Rule("r", ips: ["192.168.3.1/24"])], Login(address: "192.168.3.200"), "denied:r" },
        { "CIDR outside", [Rule("r", ips: ["192.168.3.1/24"])], Login(address: "192.168.4.1"), "allowed" },
        { "IPv6 CIDR", [Rule("r", ips: ["2001:db8::2aa:ff:c0a8:640a/64"])], Login(address: "2001:db8::1"), "denied:r" },
        { "IPv6 range", [Rule("r", ips: ["2001:db8::1-2001:db8::ff"])], Login(address: "2001:db8::80"), "denied:r" },
        { "IPv4-mapped client", [Rule("r", ips: ["127.0.0.2"])], Login(address: "::ffff:127.0.0.2"), "denied:r" },
        { "IPv4 rule, IPv6 client", [Rule("r", ips: ["0.0.0.0/0"])], Login(address: "2001:db8::1"), "allowed" },
        { "several values OR", [Rule("r", ips: ["10.9.9.9", "10.0.0.0/8"])], Login(address: "10.0.0.5"), "denied:r" },
        { "address excepted", [Rule("r", exceptIps: ["10.0.0.0/8"])], Login(address: "10.0.0.5"), "allowed" },
        { "address not excepted", [Rule("r", exceptIps: ["10.0.0.0/8"])], Login(address: "11.0.0.5"), "denied:r" },

        // AnyOfAuthenticationTypes / Except.
        { "auth type matches", [Rule("r", auth: ["BasicAuthentication"])], Login(), "denied:r" },
        { "auth type other", [Rule("r", auth: ["OAuthAuthentication"])], Login(), "allowed" },
        { "auth type excepted", [Rule("r", exceptAuth: ["BasicAuthentication"])], Login(), "allowed" },

        // UsernameMatchesAnyOfPatterns against domain\user, with * wildcards, and the exception.
        { "pattern exact", [Rule("r", users: ["contoso.com\\jeff"])], Login(), "denied:r" },
        { "pattern wildcard", [Rule("r", users: ["*jeff*"])], Login(), "denied:r" },
        { "pattern case-insensitive", [Rule("r", users: ["CONTOSO.COM\\J*"])], Login(), "denied:r" },
        { "pattern other user", [Rule("r", users: ["*\\kim"])], Login(), "allowed" },
        { "pattern excepted", [Rule("r", exceptUsers: ["*\\jeff"])], Login(), "allowed" },

        // UserRecipientFilter (no exception form).
        { "filter matches", [Rule("r", filter: "Department -eq 'Sales'")], Login(), "denied:r" },
        { "filter no match", [Rule("r", filter: "Department -eq 'Research'")], Login(), "allowed" },
        { "filter and/or", [Rule("r", filter: "(City -eq 'Redmond' -and Department -eq 'Sales') -or Department -eq 'X'")], Login(), "denied:r" },
        { "filter null test", [Rule("r", filter: "CustomAttribute7 -eq $null")], Login(), "denied:r" },
        { "filter like", [Rule("r", filter: "Department -like 'Sa*'")], Login(), "denied:r" },

        // Conditions AND.
        { "all conditions match", [Rule("r", protocols: ["IMAP4"], ips: ["10.0.0.0/8"], users: ["*jeff"])], Login(), "denied:r" },
        { "one condition fails", [Rule("r", protocols: ["IMAP4"], ips: ["11.0.0.0/8"], users: ["*jeff"])], Login(), "allowed" },

        // Priority order: first applying rule decides; an exception passes to later rules; disabled rules are skipped.
        { "first rule wins (allow)", [Rule("allow", "Allow", 1, ips: ["10.0.0.0/8"]), Rule("deny", priority: 2)], Login(), "allowed:allow" },
        { "priority not list order", [Rule("deny", priority: 2), Rule("allow", "Allow", 1)], Login(), "allowed:allow" },
        { "exception continues", [Rule("deny1", priority: 1, exceptIps: ["10.0.0.0/8"]), Rule("deny2", priority: 2)], Login(), "denied:deny2" },
        { "disabled skipped", [Rule("off", enabled: false), Rule("allow", "Allow", 2)], Login(), "allowed:allow" },

        // Scope: both values apply to every Mailroom connection (no middle-tier applications).
        { "scope users", [Rule("r", scope: "Users")], Login(), "denied:r" },
        { "scope all", [Rule("r", scope: "All")], Login(), "denied:r" },

        // First phase (connection opens): only address and protocol are known.
        { "connect: address rule denies", [Rule("r", protocols: ["IMAP4"], ips: ["127.0.0.2"])], Connect(address: "127.0.0.2"), "denied:r" },
        { "connect: other address", [Rule("r", ips: ["127.0.0.2"])], Connect(address: "127.0.0.1"), "allowed" },
        { "connect: user rule first is undecided", [Rule("allow", "Allow", 1, users: ["*admin"]), Rule("deny", priority: 2)], Connect(), "undecided" },
        { "connect: user rule for another protocol is skipped", [Rule("u", "Allow", 1, protocols: ["POP3"], users: ["*admin"]), Rule("deny", priority: 2)], Connect("IMAP4"), "denied:deny" },
        { "connect: excepted address skips user rule", [Rule("u", priority: 1, exceptIps: ["10.0.0.0/8"], filter: "City -eq 'X'"), Rule("deny", priority: 2)], Connect(), "denied:deny" },
        { "connect: user exception is undecided", [Rule("deny", exceptUsers: ["*admin"])], Connect(), "undecided" },
        { "connect: auth type unknown", [Rule("deny", auth: ["BasicAuthentication"])], Connect(), "undecided" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFirstApplyingRuleDecides(string name, ClientAccessRule[] rules, ClientAccessRequest request, string expected)
    {
        Assert.True(Outcome(ClientAccessRuleSet.Create(rules).Evaluate(request)) == expected, $"{name}: got {Outcome(ClientAccessRuleSet.Create(rules).Evaluate(request))}");
    }

    [Fact]
    public void TheDecidingRuleIsReturnedForTestClientAccessRule()
    {
        var set = ClientAccessRuleSet.Create([Rule("a", "Allow", 1, protocols: ["POP3"]), Rule("b", priority: 2)]);
        set.Evaluate(Login("IMAP4"), out var rule);
        Assert.Equal("b", rule?.Name);
        set.Evaluate(Login("POP3"), out rule);
        Assert.Equal("a", rule?.Name);
        ClientAccessRuleSet.Create([]).Evaluate(Login(), out rule);
        Assert.Null(rule);
    }

    [Fact]
    public void ARequestWithoutAnAddressMatchesNoAddressValue()
    {
        var set = ClientAccessRuleSet.Create([Rule("r", ips: ["0.0.0.0/0"])]);
        Assert.Equal("allowed", Outcome(set.Evaluate(new ClientAccessRequest("IMAP4", null))));
    }
}
