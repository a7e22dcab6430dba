using Mailroom.Sizes;

namespace Mailroom.Transport.Routing;

/// <summary>Where a recipient address leads, decided at RCPT time from the directory.</summary>
public abstract record RecipientResolution
{
    private RecipientResolution()
    {
    }

    /// <summary>A mailbox of this organization; delivered locally.</summary>
    public sealed record LocalMailbox(Guid MailboxId, string PrimarySmtpAddress, string Database, QuotaSize ProhibitSendReceiveQuota) : RecipientResolution;

    /// <summary>Mail for this domain leaves through a send connector (InternalRelay without a local match, ExternalRelay, or any other domain).</summary>
    public sealed record Relay(string Domain, bool AcceptedDomain) : RecipientResolution;

    /// <summary>An Authoritative domain with no such recipient: <c>550 5.1.1 User unknown</c>.</summary>
    public sealed record Unknown(string Address) : RecipientResolution;
}

/// <summary>The three limits that apply to a mailbox (Exchange §6.1).</summary>
public sealed record EffectiveQuotas(QuotaSize IssueWarning, QuotaSize ProhibitSend, QuotaSize ProhibitSendReceive)
{
    /// <summary>Exchange sends the warning only when IssueWarningQuota is more than half of ProhibitSendQuota.</summary>
    public bool WarnsAt(long size) =>
        !IssueWarning.IsUnlimited && (ulong)size >= IssueWarning.Value.Bytes &&
        (ProhibitSend.IsUnlimited || IssueWarning.Value.Bytes * 2 > ProhibitSend.Value.Bytes);
}
