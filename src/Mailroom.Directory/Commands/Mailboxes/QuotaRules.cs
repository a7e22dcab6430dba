using Mailroom.Directory.Management;
using Mailroom.Sizes;

namespace Mailroom.Directory.Commands.Mailboxes;

/// <summary>Exchange's ordering of quotas: the warning and the send limit may not exceed the send/receive limit.</summary>
public static class QuotaRules
{
    public static void Validate(QuotaSize issueWarning, QuotaSize prohibitSend, QuotaSize prohibitSendReceive)
    {
        Check("IssueWarningQuota", issueWarning, "ProhibitSendReceiveQuota", prohibitSendReceive);
        Check("ProhibitSendQuota", prohibitSend, "ProhibitSendReceiveQuota", prohibitSendReceive);
    }

    private static void Check(string lowerName, QuotaSize lower, string upperName, QuotaSize upper)
    {
        if (lower > upper)
        {
            throw new ManagementException(
                "QuotaOrderViolation", "InvalidArgument",
                $"The value of property '{lowerName}' must be less than or equal to that of property '{upperName}'. {lowerName}: {lower}, {upperName}: {upper}.",
                lowerName);
        }
    }
}
