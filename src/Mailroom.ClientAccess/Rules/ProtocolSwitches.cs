using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Model;

namespace Mailroom.ClientAccess.Rules;

/// <summary>The per-mailbox protocol switches of Set-CASMailbox, by client access protocol.</summary>
public static class ProtocolSwitches
{
    /// <summary>Null when the mailbox may use <paramref name="protocol"/>, else the switch that is off.</summary>
    public static string? Disabled(Mailbox mailbox, string protocol) => protocol switch
    {
        ClientAccessProtocols.Imap4 when !mailbox.ImapEnabled => "ImapEnabled",
        ClientAccessProtocols.Pop3 when !mailbox.PopEnabled => "PopEnabled",
        ClientAccessProtocols.OutlookWebApp when !mailbox.OWAEnabled => "OWAEnabled",
        ClientAccessProtocols.ExchangeWebServices when !mailbox.EwsEnabled => "EwsEnabled",
        ClientAccessProtocols.ExchangeActiveSync when !mailbox.ActiveSyncEnabled => "ActiveSyncEnabled",
        ClientAccessProtocols.OutlookAnywhere when !mailbox.MAPIEnabled => "MAPIEnabled",
        ClientAccessProtocols.Smtp when mailbox.SmtpClientAuthenticationDisabled == true => "SmtpClientAuthenticationDisabled",
        _ => null,
    };
}
