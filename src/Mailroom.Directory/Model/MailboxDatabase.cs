using Mailroom.Sizes;

namespace Mailroom.Directory.Model;

/// <summary>A mailbox database: where mailboxes live and where their default quotas come from.</summary>
public sealed class MailboxDatabase : DirectoryObject, IHasLegacyDN
{
    public const string Class = "MailboxDatabase";

    /// <summary>Exchange 2013–2019 defaults: 1.899 GB, 2 GB and 2.3 GB (1945, 2048 and 2355 MB).</summary>
    public static readonly QuotaSize DefaultIssueWarningQuota = new(ByteQuantifiedSize.FromMegabytes(1945));
    public static readonly QuotaSize DefaultProhibitSendQuota = new(ByteQuantifiedSize.FromMegabytes(2048));
    public static readonly QuotaSize DefaultProhibitSendReceiveQuota = new(ByteQuantifiedSize.FromMegabytes(2355));

    public string Server { get; set; } = string.Empty;

    public bool Recovery { get; set; }

    public string ReplicationType { get; set; } = "None";

    public string RpcClientAccessServer { get; set; } = string.Empty;

    public QuotaSize IssueWarningQuota { get; set; } = DefaultIssueWarningQuota;

    public QuotaSize ProhibitSendQuota { get; set; } = DefaultProhibitSendQuota;

    public QuotaSize ProhibitSendReceiveQuota { get; set; } = DefaultProhibitSendReceiveQuota;

    public bool MountAtStartup { get; set; } = true;

    public bool IsExcludedFromProvisioning { get; set; }

    public string ExchangeLegacyDN { get; set; } = string.Empty;

    /// <summary>Filled in only by <c>Get-MailboxDatabase -Status</c>, as in Exchange; null otherwise.</summary>
    public bool? Mounted { get; set; }

    public override string ObjectClass => Class;
}
