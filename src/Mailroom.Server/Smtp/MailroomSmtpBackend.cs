using System.Net;
using Mailroom.Addressing;
using Mailroom.ClientAccess.Rules;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Connectors;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Security;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Protocols.Smtp;
using Mailroom.Transport.Acceptance;
using Mailroom.Transport.Routing;

namespace Mailroom.Server.Smtp;

/// <summary>
/// Connects the SMTP engine to the organization: the receive connector chosen for the connection decides what
/// the session may do (its rights), recipients are resolved from the directory at RCPT time, authenticated users
/// may only send as their own addresses, quotas are checked, and accepted bodies go to the durable queue.
/// </summary>
public sealed partial class MailroomSmtpBackend(
    ReceiveConnectorCache connectors, DirectoryAuthenticator authenticator, LoginThrottle throttle, IDirectoryStore directory, IMailboxStore mailboxes,
    MessageAcceptance acceptance, ClientAccessPolicy access) : ISmtpBackend
{
    private const string RoutesKey = "mailroom.routes";
    private readonly RecipientResolver resolver = new(directory);

    public async ValueTask<SmtpConnectResult> ConnectAsync(SmtpConnectionInfo connection, CancellationToken cancellationToken)
    {
        var all = await connectors.GetAsync(cancellationToken);
        var connector = connection.LocalEndPoint is { } local && connection.RemoteEndPoint is { } remote
            ? ReceiveConnectorSelector.Select(all, local, remote)
            : null;
        if (connector is null)
        {
            return SmtpConnectResult.Refuse(new SmtpReply(554, "5.7.1", "No receive connector on this server accepts connections from your address"));
        }

        var anonymous = ReceiveConnectorRights.Of(connector, authenticated: false);
        var user = ReceiveConnectorRights.Of(connector, authenticated: true);

        // Client access rules govern SMTP as client submission only: a connector that takes anonymous mail (the MX
        // path from other servers) is never refused by them, a submission connector is refused at once when a rule
        // denies the address (exchange.md §3; a denied network never reaches AUTH).
        if (!anonymous.Submit && (await access.CheckConnectionAsync(ClientAccessProtocols.Smtp, connection.RemoteEndPoint, cancellationToken)).IsDenied)
        {
            return SmtpConnectResult.Refuse(new SmtpReply(554, "5.7.1", "Access denied"));
        }

        return SmtpConnectResult.Accept(new SmtpPolicy
        {
            ConnectorName = connector.Name,
            Fqdn = connector.Fqdn,
            Banner = connector.Banner,
            MaxMessageSize = (long)connector.MaxMessageSize.Bytes,
            MaxRecipientsPerMessage = connector.MaxRecipientsPerMessage,
            OfferStartTls = anonymous.OfferStartTls,
            RequireTls = anonymous.RequireTls,
            OfferAuthentication = anonymous.OfferAuth,
            AllowPlaintextAuthentication = !anonymous.AuthRequiresTls,
            AllowAnonymous = anonymous.Submit,
            MaxConnectionsPerSource = connector.MaxInboundConnectionPerSource ?? 0,
            ConnectionTimeout = connector.ConnectionTimeout,
        });
    }

    public async ValueTask<SmtpAuthResult> AuthenticateAsync(SmtpSession session, Networking.SaslCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials.RequestsProxyAuthorization)
        {
            return SmtpAuthResult.Failure();
        }

        var address = session.RemoteEndPoint?.Address;
        if (throttle.IsThrottled(credentials.UserName, address))
        {
            return SmtpAuthResult.Failure(new SmtpReply(454, "4.7.0", "Too many failed authentication attempts; try again later"));
        }

        var caller = await authenticator.AuthenticateAsync(credentials.UserName, credentials.Password, cancellationToken);
        if (caller is null)
        {
            throttle.RecordFailure(credentials.UserName, address);
            return SmtpAuthResult.Failure();
        }

        throttle.RecordSuccess(credentials.UserName);
        var decision = await access.CheckUserAsync(ClientAccessProtocols.Smtp, session.RemoteEndPoint, ClientAccessAuthenticationTypes.Basic, caller.Id, cancellationToken);
        return decision.IsDenied
            ? SmtpAuthResult.Failure(new SmtpReply(550, "5.7.1", "Client access denied"))
            : SmtpAuthResult.Success(caller, caller.Name);
    }

    public async ValueTask<SmtpReply?> MailFromAsync(SmtpSession session, SmtpMailFrom mailFrom, CancellationToken cancellationToken)
    {
        var rights = await RightsAsync(session, cancellationToken);
        if (rights is null || !rights.Submit)
        {
            return new SmtpReply(530, "5.7.57", "Client was not authenticated to send anonymous mail during MAIL FROM");
        }

        session.Items[RoutesKey] = new Dictionary<string, RecipientResolution>(StringComparer.OrdinalIgnoreCase);
        if (session.AuthenticatedUser is not Caller caller || rights.AcceptAnySender)
        {
            return null;
        }

        var sender = await directory.ReadAsync(r => r.GetAsync(caller.Id, cancellationToken), cancellationToken) as Mailbox;
        if (sender is null)
        {
            return new SmtpReply(550, "5.7.60", "SMTP; Client does not have permissions to send as this sender");
        }

        if (!mailFrom.ReversePath.IsNull && !sender.ProxyAddresses().Any(p => p.IsSmtp && p.Address.Equals(mailFrom.ReversePath.Address, StringComparison.OrdinalIgnoreCase)) &&
            !await MaySendAsAsync(caller.Id, mailFrom.ReversePath.Address, cancellationToken))
        {
            return new SmtpReply(550, "5.7.60", "SMTP; Client does not have permissions to send as this sender");
        }

        return await OverSendQuotaAsync(sender, cancellationToken)
            ? new SmtpReply(554, "5.2.2", "mailbox full; the sender's mailbox is over its ProhibitSendQuota")
            : null;
    }

    public async ValueTask<SmtpReply?> RcptToAsync(SmtpSession session, SmtpRcptTo rcptTo, CancellationToken cancellationToken)
    {
        if (!SmtpAddress.TryParse(rcptTo.ForwardPath.Address, out var address))
        {
            return new SmtpReply(550, "5.1.3", "Invalid recipient address");
        }

        var resolution = await resolver.ResolveAsync(address!, cancellationToken);
        switch (resolution)
        {
            case RecipientResolution.Unknown:
                return new SmtpReply(550, "5.1.1", "User unknown");
            case RecipientResolution.Relay { AcceptedDomain: false }:
                var rights = await RightsAsync(session, cancellationToken);
                if (rights is null || !rights.AcceptAnyRecipient)
                {
                    return new SmtpReply(550, "5.7.54", "SMTP; Unable to relay recipient in non-accepted domain");
                }

                break;
            case RecipientResolution.LocalMailbox local when !local.ProhibitSendReceiveQuota.IsUnlimited &&
                (await mailboxes.GetUsageAsync(local.MailboxId, cancellationToken))?.Size is long size && (ulong)size >= local.ProhibitSendReceiveQuota.Value.Bytes:
                return new SmtpReply(554, "5.2.2", "mailbox full");
        }

        Routes(session)[address!.ToString()] = resolution;
        return null;
    }

    public ValueTask<SmtpMessageStart> BeginMessageAsync(SmtpSession session, CancellationToken cancellationToken)
    {
        var transaction = session.Transaction!;
        var routes = Routes(session);
        var recipients = transaction.Recipients
            .Select(r => new AcceptedRecipient(r.ForwardPath.Address, routes[r.ForwardPath.Address], NotifyText(r.Notify), r.OriginalRecipient))
            .ToList();
        var envelope = new IncomingEnvelope(
            transaction.MailFrom.ReversePath.Address, recipients, session.HeloName ?? "unknown", session.RemoteEndPoint?.Address ?? IPAddress.None,
            session.IsExtended, session.IsTls, session.AuthenticatedUserName, session.Policy.ConnectorName,
            transaction.MailFrom.EnvelopeId, transaction.MailFrom.Return == DsnReturn.Unspecified ? null : transaction.MailFrom.Return.ToString().ToUpperInvariant());
        return ValueTask.FromResult(SmtpMessageStart.Accept(new QueueSink(acceptance.Begin(envelope, cancellationToken))));
    }

    /// <summary>RFC 3461 NOTIFY keywords, or null when the client gave none (the server's default applies).</summary>
    private static string? NotifyText(DsnNotify notify) =>
        notify == DsnNotify.Unspecified ? null : string.Join(",", Enum.GetValues<DsnNotify>().Where(n => n != DsnNotify.Unspecified && notify.HasFlag(n)).Select(n => n.ToString().ToUpperInvariant()));

    private static Dictionary<string, RecipientResolution> Routes(SmtpSession session) =>
        (Dictionary<string, RecipientResolution>)session.Items[RoutesKey]!;

    private async Task<ReceiveConnectorRights?> RightsAsync(SmtpSession session, CancellationToken cancellationToken) =>
        await connectors.FindAsync(session.Policy.ConnectorName, cancellationToken) is { } connector
            ? ReceiveConnectorRights.Of(connector, session.IsAuthenticated)
            : null;

    /// <summary>True when the address belongs to a mailbox that granted the caller Send As (Add-ADPermission).</summary>
    private Task<bool> MaySendAsAsync(Guid caller, string address, CancellationToken cancellationToken) =>
        directory.ReadAsync(async r =>
            await r.FindByKeyAsync(DirectoryKey.SmtpAddress(address), cancellationToken) is { } owner &&
            await r.GetAsync(owner, cancellationToken) is Mailbox mailbox && mailbox.SendAsTrustees.Contains(caller), cancellationToken);

    private async Task<bool> OverSendQuotaAsync(Mailbox sender, CancellationToken cancellationToken)
    {
        var limit = (await directory.ReadAsync(r => RecipientResolver.EffectiveQuotasAsync(r, sender, cancellationToken), cancellationToken)).ProhibitSend;
        return !limit.IsUnlimited && (await mailboxes.GetUsageAsync(sender.Guid, cancellationToken))?.Size is long size && (ulong)size >= limit.Value.Bytes;
    }
}
