using System.Text;

namespace Mailroom.Networking;

/// <summary>What a password SASL mechanism yields. <see cref="ToString"/> never prints the password.</summary>
/// <param name="UserName">The authentication identity (RFC 4616 authcid).</param>
/// <param name="Password">The password as sent.</param>
/// <param name="AuthorizationId">The identity to act as (RFC 4616 authzid); null when absent or empty.</param>
public sealed record SaslCredentials(string UserName, string Password, string? AuthorizationId = null)
{
    /// <summary>
    /// The client asks to act as someone other than itself (RFC 4616 §2): the server must authorize that
    /// separately or fail the exchange.
    /// </summary>
    public bool RequestsProxyAuthorization =>
        AuthorizationId is not null && !string.Equals(AuthorizationId, UserName, StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        AuthorizationId is null ? $"{UserName} (password redacted)" : $"{UserName} as {AuthorizationId} (password redacted)";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(ToString());
        return true;
    }
}
