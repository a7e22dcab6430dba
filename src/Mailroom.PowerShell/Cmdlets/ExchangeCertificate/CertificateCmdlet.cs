using System.Management.Automation;
using Mailroom.Management.Client;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.ExchangeCertificate;

/// <summary>
/// New- and Enable-ExchangeCertificate: when the certificate would replace the default SMTP certificate the node
/// asks first, and this asks the user as Exchange does ("Overwrite the existing default SMTP certificate?");
/// <c>-Force</c> answers yes without asking.
/// </summary>
public abstract class CertificateCmdlet : MailroomCmdlet
{
    private const string ConfirmSmtp = "ConfirmOverwriteDefaultSmtpCertificate";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool ConfirmAndAmend(ManagementApiException error, Dictionary<string, object?> parameters)
    {
        if (error.ErrorId != ConfirmSmtp || Force || !ShouldContinue(error.Message, "Confirm"))
        {
            return false;
        }

        parameters["Force"] = true;
        return true;
    }
}
