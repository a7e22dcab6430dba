using System.Net;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Model;
using Mailroom.OPath;

namespace Mailroom.ClientAccess.Rules;

/// <summary>
/// One connection as the rules see it. Before login only <see cref="Protocol"/> and <see cref="RemoteAddress"/> are
/// known (<see cref="User"/> and <see cref="AuthenticationType"/> are null); rules that need more are then undecided.
/// </summary>
/// <param name="Protocol">A <see cref="ClientAccessProtocols"/> name.</param>
/// <param name="AuthenticationType">A <see cref="ClientAccessAuthenticationTypes"/> name, once the client authenticated.</param>
public sealed record ClientAccessRequest(string Protocol, IPAddress? RemoteAddress, int RemotePort = 0, string? AuthenticationType = null, ClientAccessUser? User = null)
{
    /// <summary>Whether the user-dependent facts are known (the second phase).</summary>
    public bool UserKnown => User is not null;
}

/// <summary>The signed-in user as the rules see them: the account name patterns match and the attributes the filter tests.</summary>
public sealed record ClientAccessUser(Guid Id, string AccountName, IOPathRecord Attributes)
{
    public static ClientAccessUser Of(Mailbox mailbox) =>
        new(mailbox.Guid, UsernamePattern.AccountName(mailbox.UserPrincipalName), UserRecipientFilterSchema.Record(mailbox));
}
