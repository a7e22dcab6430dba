using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.CASMailboxes;

/// <summary>What Get-CASMailbox shows of a mailbox: its client access protocol switches.</summary>
public sealed record CASMailbox(
    string Name,
    string PrimarySmtpAddress,
    bool ActiveSyncEnabled,
    bool OWAEnabled,
    bool PopEnabled,
    bool ImapEnabled,
    bool MAPIEnabled,
    bool EwsEnabled,
    bool? SmtpClientAuthenticationDisabled,
    string Identity,
    Guid Guid,
    string DistinguishedName)
{
    public static CASMailbox Of(Mailbox m) => new(
        m.Name, m.PrimarySmtpAddress, m.ActiveSyncEnabled, m.OWAEnabled, m.PopEnabled, m.ImapEnabled, m.MAPIEnabled, m.EwsEnabled,
        m.SmtpClientAuthenticationDisabled, m.Identity, m.Guid, m.DistinguishedName);
}
