using System.Management.Automation;
using Mailroom.Management.Client;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Session;

/// <summary>
/// Signs in to a node's management API for this session. The node's certificate must be trusted by the system
/// unless <c>-SkipCertificateCheck</c> says to accept any (a fresh node's is self-signed).
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Mailroom")]
[OutputType(typeof(void))]
public sealed class ConnectMailroomCommand : PSCmdlet
{
    /// <summary>The node's HTTPS address, e.g. https://mail.contoso.com or https://127.0.0.1:2443.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("ConnectionUri", "ServerFqdn")]
    public Uri Uri { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1)]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>Accept the node's certificate without validation (only for a node you know, such as a new self-signed one).</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    protected override void EndProcessing()
    {
        if (!Uri.IsAbsoluteUri || Uri.Scheme != Uri.UriSchemeHttps)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"\"{Uri}\" isn't an https:// address; the management API is served only over TLS."),
                "InvalidUri", ErrorCategory.InvalidArgument, Uri));
        }

        var connection = new ManagementConnection(Uri, Credential.UserName, Credential.GetNetworkCredential().Password, SkipCertificateCheck);
        try
        {
            var commands = connection.ListCommandsAsync().GetAwaiter().GetResult();
            WriteVerbose($"Connected to {Uri} as {Credential.UserName}; the node runs {commands.Count} commands.");
        }
        catch (ManagementApiException ex)
        {
            connection.Dispose();
            ThrowTerminatingError(new ErrorRecord(ex, ex.ErrorId, ErrorCategory.SecurityError, Uri));
        }
        catch (HttpRequestException ex)
        {
            connection.Dispose();
            var hint = ex.InnerException is System.Security.Authentication.AuthenticationException
                ? " The node's certificate isn't trusted; add -SkipCertificateCheck if you know this node." : string.Empty;
            ThrowTerminatingError(new ErrorRecord(
                new HttpRequestException($"Couldn't reach {Uri}: {ex.Message}{hint}", ex), "ConnectionFailed", ErrorCategory.ConnectionError, Uri));
        }

        MailroomSession.Set(SessionState, connection);
    }
}
