using Mailroom.ClientAccess.Rules;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Model;

namespace Mailroom.ClientAccess.Tests.Rules;

/// <summary>Short ways to write rules and requests in the tables.</summary>
internal static class RuleBuilder
{
    public static ClientAccessRule Rule(
        string name, string action = "Deny", int priority = 1, bool enabled = true, string scope = "All",
        string[]? protocols = null, string[]? exceptProtocols = null, string[]? ips = null, string[]? exceptIps = null,
        string[]? auth = null, string[]? exceptAuth = null, string[]? users = null, string[]? exceptUsers = null, string? filter = null) => new()
        {
            Name = name,
            Priority = priority,
            Enabled = enabled,
            Action = action == "Deny" ? ClientAccessRulesAction.DenyAccess : ClientAccessRulesAction.AllowAccess,
            Scope = Enum.Parse<ClientAccessRulesScope>(scope),
            AnyOfProtocols = [.. protocols ?? []],
            ExceptAnyOfProtocols = [.. exceptProtocols ?? []],
            AnyOfClientIPAddressesOrRanges = [.. (ips ?? []).Select(IPRange.Parse)],
            ExceptAnyOfClientIPAddressesOrRanges = [.. (exceptIps ?? []).Select(IPRange.Parse)],
            AnyOfAuthenticationTypes = [.. auth ?? []],
            ExceptAnyOfAuthenticationTypes = [.. exceptAuth ?? []],
            UsernameMatchesAnyOfPatterns = [.. users ?? []],
            ExceptUsernameMatchesAnyOfPatterns = [.. exceptUsers ?? []],
            UserRecipientFilter = filter,
        };

    public static Mailbox Mailbox(string upn = "jeff@contoso.com", string? department = null, string? city = null, string? custom7 = null)
    {
        var m = new Mailbox { Guid = Guid.NewGuid(), Name = upn, UserPrincipalName = upn, Department = department, City = city };
        m.CustomAttributes[6] = custom7;
        return m;
    }

    /// <summary>A request after login: basic authentication by jeff@contoso.com (Department Sales) unless told otherwise.</summary>
    public static ClientAccessRequest Login(string protocol = "IMAP4", string address = "10.0.0.5", string auth = "BasicAuthentication", Mailbox? user = null) =>
        new(protocol, System.Net.IPAddress.Parse(address), 50000, auth, ClientAccessUser.Of(user ?? Mailbox(department: "Sales", city: "Redmond")));

    /// <summary>A request when the connection opens: only the protocol and the address are known.</summary>
    public static ClientAccessRequest Connect(string protocol = "IMAP4", string address = "10.0.0.5") =>
        new(protocol, System.Net.IPAddress.Parse(address), 50000);

    /// <summary>"allowed", "denied", "undecided", with the deciding rule's name after a colon.</summary>
    public static string Outcome(ClientAccessDecision d) => d.Verdict switch
    {
        ClientAccessVerdict.Allowed => d.RuleName is null ? "allowed" : "allowed:" + d.RuleName,
        ClientAccessVerdict.Denied => "denied:" + d.RuleName,
        _ => "undecided",
    };
}
