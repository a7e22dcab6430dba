using System.Data.Common;
using System.Net;
using System.Buffers;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Mailroom.Mailboxes;
using Mailroom.Transport.Acceptance;
using Mailroom.Transport.Queue;
using Mailroom.Transport.Routing;
using MimeKit;

namespace Mailroom.Transport.Notifications;

/// <summary>
/// After a delivery, tells a user whose mailbox has reached IssueWarningQuota, at most once a day (Exchange sends
/// its quota message on a schedule; one a day is the recommendation in reference §6.1). The last warning time is
/// claimed atomically in the database, so two nodes never both send it.
/// </summary>
public sealed class QuotaWarningNotifier(
    IDirectoryStore directory, IMailboxStore mailboxes, Func<MessageAcceptance> acceptance,
    Func<CancellationToken, Task<DbConnection>> open, TimeProvider time, string fqdn)
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    private readonly DirectoryReadCache<Guid, (Mailbox, EffectiveQuotas)?> limits = new(directory, time);

    public async Task CheckAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var usage = await mailboxes.GetUsageAsync(mailboxId, cancellationToken);
        var state = await limits.GetAsync(mailboxId, ReadLimitsAsync, cancellationToken);
        if (usage is null || state is not var (mailbox, quotas) || !quotas.WarnsAt(usage.Size) || !await ClaimAsync(mailboxId, cancellationToken))
        {
            return;
        }

        await SendWarningAsync(mailbox, quotas, usage.Size, cancellationToken);
    }

    private Task<(Mailbox, EffectiveQuotas)?> ReadLimitsAsync(Guid mailboxId, CancellationToken cancellationToken) =>
        directory.ReadAsync(async r =>
        {
            if (await r.GetAsync(mailboxId, cancellationToken) is not Mailbox mailbox)
            {
                return default((Mailbox, EffectiveQuotas)?);
            }

            return (mailbox, await RecipientResolver.EffectiveQuotasAsync(r, mailbox, cancellationToken));
        }, cancellationToken);

    private async Task SendWarningAsync(Mailbox mailbox, EffectiveQuotas quotas, long size, CancellationToken cancellationToken)
    {
        var message = new MimeMessage(
            [new MailboxAddress("Mail Delivery System", "postmaster@" + mailbox.PrimarySmtpAddress[(mailbox.PrimarySmtpAddress.IndexOf('@') + 1)..])],
            [new MailboxAddress(mailbox.DisplayName, mailbox.PrimarySmtpAddress)],
            "Your mailbox is almost full.",
            new TextPart("plain")
            {
                Text = $"Your mailbox is {size:N0} bytes, past its warning limit of {quotas.IssueWarning}.\n" +
                       $"At {quotas.ProhibitSend} you can't send mail; at {quotas.ProhibitSendReceive} mail sent to you is returned.\n" +
                       "Delete items you don't need, and empty Deleted Items.\n",
            });
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var route = new RecipientResolution.LocalMailbox(mailbox.Guid, mailbox.PrimarySmtpAddress, mailbox.Database, quotas.ProhibitSendReceive);
        await using var incoming = acceptance().Begin(
            new IncomingEnvelope(string.Empty, [new AcceptedRecipient(mailbox.PrimarySmtpAddress, route)], fqdn, IPAddress.Loopback, true, false, null, "QuotaWarning"),
            cancellationToken);
        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, cancellationToken);
        await incoming.WriteAsync(new ReadOnlySequence<byte>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), cancellationToken);
        await incoming.CommitAsync(cancellationToken);
    }

    /// <summary>Records this warning unless one was sent within <see cref="Interval"/>; true if this call may send it.</summary>
    private async Task<bool> ClaimAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await open(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO quota_warnings (mailbox_id, sent_at) VALUES (@id, @now) " +
                          "ON CONFLICT (mailbox_id) DO UPDATE SET sent_at = excluded.sent_at WHERE quota_warnings.sent_at < @cutoff";
        foreach (var (name, value) in new (string, object)[] { ("id", mailboxId.ToString("D")), ("now", now.ToUnixTimeMilliseconds()), ("cutoff", (now - Interval).ToUnixTimeMilliseconds()) })
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }

        return await cmd.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
