using System.Text.Json.Serialization;
using Mailroom.Directory.Connectors;

namespace Mailroom.Directory.Model;

/// <summary>
/// One client access rule (exchange.md §3): conditions, exceptions, an action and a place in the organization's
/// ordered list. Enabled rules are evaluated in <see cref="Priority"/> order; the first whose conditions all match
/// (values within a condition OR, conditions AND) and none of whose exceptions match decides.
/// Priority is 1-based and dense: 1 is evaluated first (Exchange 2019's procedure pages use 1 as the top).
/// </summary>
public sealed class ClientAccessRule : DirectoryObject
{
    public const string Class = "ClientAccessRule";

    public int Priority { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Exchange's field; always false on premises (a datacenter-only switch in Exchange Online).</summary>
    public bool DatacenterAdminsOnly => false;

    public ClientAccessRulesAction Action { get; set; }

    public List<IPRange> AnyOfClientIPAddressesOrRanges { get; set; } = [];

    public List<IPRange> ExceptAnyOfClientIPAddressesOrRanges { get; set; } = [];

    public List<string> UsernameMatchesAnyOfPatterns { get; set; } = [];

    public List<string> ExceptUsernameMatchesAnyOfPatterns { get; set; } = [];

    public List<string> AnyOfAuthenticationTypes { get; set; } = [];

    public List<string> ExceptAnyOfAuthenticationTypes { get; set; } = [];

    public List<string> AnyOfProtocols { get; set; } = [];

    public List<string> ExceptAnyOfProtocols { get; set; } = [];

    public ClientAccessRulesScope Scope { get; set; } = ClientAccessRulesScope.All;

    /// <summary>OPath over the restricted attribute set of <see cref="ClientAccessRules.UserRecipientFilterSchema"/>, or null.</summary>
    public string? UserRecipientFilter { get; set; }

    public override string ObjectClass => Class;

    /// <summary>
    /// True when every condition and exception can be decided from the connection alone (address and protocol),
    /// so the rule is checked as the connection opens, before any login prompt.
    /// </summary>
    [JsonIgnore]
    public bool NeedsOnlyConnection =>
        UsernameMatchesAnyOfPatterns.Count == 0 && ExceptUsernameMatchesAnyOfPatterns.Count == 0
        && AnyOfAuthenticationTypes.Count == 0 && ExceptAnyOfAuthenticationTypes.Count == 0
        && string.IsNullOrEmpty(UserRecipientFilter);
}

/// <summary>Exchange's <c>ClientAccessRulesAction</c>.</summary>
public enum ClientAccessRulesAction
{
    AllowAccess,
    DenyAccess,
}

/// <summary>
/// Exchange's <c>ClientAccessRulesScope</c>: <c>Users</c> applies to end-user connections only, <c>All</c> also to
/// middle-tier applications acting for users. Mailroom has no middle-tier applications yet, so both match every
/// connection today.
/// </summary>
public enum ClientAccessRulesScope
{
    All,
    Users,
}
