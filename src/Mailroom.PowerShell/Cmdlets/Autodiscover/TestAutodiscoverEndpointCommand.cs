using System.Management.Automation;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Mailroom.Management.Client;
using Mailroom.PowerShell.Infrastructure;

namespace Mailroom.PowerShell.Cmdlets.Autodiscover;

/// <summary>
/// Test-AutodiscoverEndpoint: walks the list Get-AutodiscoverEndpoint gives, from this computer, as the client would:
/// POSTs Outlook's request to each HTTPS endpoint (with <c>-Credential</c>), makes the unauthenticated HTTP redirect
/// probe, and reports for each whether it answered, with what, and why not (DNS, connection, TLS trust, HTTP status).
/// Trust is the system's, plus any <c>-TrustedRootCertificate</c>.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AutodiscoverEndpoint")]
[OutputType(typeof(PSObject))]
public sealed class TestAutodiscoverEndpointCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string? EmailAddress { get; set; }

    [Parameter]
    public string? Site { get; set; }

    [Parameter]
    public PSCredential? Credential { get; set; }

    [Parameter]
    public X509Certificate2[]? TrustedRootCertificate { get; set; }

    [Parameter]
    public int TimeoutSec { get; set; } = 10;

    /// <summary>Stop after the first endpoint that answers with settings or a redirect, as a client does.</summary>
    [Parameter]
    public SwitchParameter StopAtFirstAnswer { get; set; }

    protected override void ProcessRecord()
    {
        var connection = MailroomSession.Get(SessionState);
        if (connection is null)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("You aren't connected to a Mailroom node. Run Connect-Mailroom first."), "NotConnected", ErrorCategory.ConnectionError, null));
            return;
        }

        IReadOnlyList<ManagementObject> endpoints;
        try
        {
            var parameters = new Dictionary<string, object?> { ["EmailAddress"] = EmailAddress };
            if (Site is not null)
            {
                parameters["Site"] = Site;
            }

            endpoints = connection.InvokeAsync("Get-AutodiscoverEndpoint", parameters).GetAwaiter().GetResult();
        }
        catch (ManagementApiException ex)
        {
            WriteError(new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, EmailAddress));
            return;
        }

        foreach (var endpoint in endpoints)
        {
            var url = endpoint.Properties.GetProperty("Endpoint").GetString()!;
            var method = endpoint.Properties.GetProperty("Method").GetString()!;
            var (result, reason, answer) = method switch
            {
                "POST" => Post(url),
                "GET" => Probe(url),
                _ => ("Skipped", method == "SRV" ? "SRV records aren't looked up by this cmdlet; check with: dig SRV " + url : "LDAP referrals aren't followed by this cmdlet", null),
            };
            var output = new PSObject();
            output.TypeNames.Insert(0, "Mailroom.AutodiscoverEndpointTest");
            output.Properties.Add(new PSNoteProperty("Order", endpoint.Properties.GetProperty("Order").GetInt32()));
            output.Properties.Add(new PSNoteProperty("Endpoint", url));
            output.Properties.Add(new PSNoteProperty("CameFrom", endpoint.Properties.GetProperty("CameFrom").GetString()));
            output.Properties.Add(new PSNoteProperty("Result", result));
            output.Properties.Add(new PSNoteProperty("Reason", reason));
            output.Properties.Add(new PSNoteProperty("Answer", answer));
            WriteObject(output);
            if (StopAtFirstAnswer && result == "Answered")
            {
                break;
            }
        }
    }

    private (string Result, string Reason, string? Answer) Post(string url)
    {
        string? trustProblem = null;
        using var client = Client(allowRedirect: true, error => trustProblem = error);
        var body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">" +
            $"<Request><EMailAddress>{System.Security.SecurityElement.Escape(EmailAddress)}</EMailAddress>" +
            "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        if (Credential is not null)
        {
            var pair = Credential.UserName + ":" + Credential.GetNetworkCredential().Password;
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        try
        {
            using var response = client.Send(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return ("Failed", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" + (response.StatusCode == HttpStatusCode.Unauthorized && Credential is null ? " (sign-in required: pass -Credential)" : string.Empty), null);
            }

            return ("Answered", "HTTP 200", Summary(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()));
        }
        catch (HttpRequestException ex)
        {
            return ("Failed", Reason(ex, trustProblem), null);
        }
        catch (TaskCanceledException)
        {
            return ("Failed", $"Timeout: no answer within {TimeoutSec} s", null);
        }
    }

    private (string Result, string Reason, string? Answer) Probe(string url)
    {
        using var client = Client(allowRedirect: false, _ => { });
        try
        {
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, url));
            return (int)response.StatusCode is 301 or 302 && response.Headers.Location is { } location
                ? location.Scheme == "https" ? ("Answered", $"HTTP {(int)response.StatusCode} redirect", "POST to " + location) : ("Failed", "Redirect to a non-HTTPS URL, which clients refuse: " + location, null)
                : ("Failed", $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} (a 302 to an HTTPS Autodiscover URL was expected)", null);
        }
        catch (HttpRequestException ex)
        {
            return ("Failed", Reason(ex, null), null);
        }
        catch (TaskCanceledException)
        {
            return ("Failed", $"Timeout: no answer within {TimeoutSec} s", null);
        }
    }

    private HttpClient Client(bool allowRedirect, Action<string> trustProblem)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = allowRedirect,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = TimeSpan.FromSeconds(TimeoutSec),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Trust(certificate, chain, errors, trustProblem) },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(TimeoutSec) };
    }

    /// <summary>The system's trust, or a chain to one of <see cref="TrustedRootCertificate"/> when the name matches.</summary>
    private bool Trust(System.Security.Cryptography.X509Certificates.X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, Action<string> problem)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && TrustedRootCertificate is { Length: > 0 } roots)
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (custom.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())))
            {
                return true;
            }
        }

        problem(errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) ? "the certificate's names don't include the host"
            : "the certificate isn't trusted (" + string.Join(", ", chain?.ChainStatus.Select(s => s.Status.ToString()) ?? []) + ")");
        return false;
    }

    private static string Reason(HttpRequestException ex, string? trustProblem)
    {
        if (trustProblem is not null)
        {
            return "TLS: " + trustProblem;
        }

        return ex.InnerException switch
        {
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => "DNS: the host name doesn't resolve",
            SocketException socket => "Connection: " + socket.SocketErrorCode,
            System.Security.Authentication.AuthenticationException auth => "TLS: " + auth.Message,
            _ => ex.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "DNS: the host name doesn't resolve",
                HttpRequestError.ConnectionError => "Connection: " + ex.Message,
                HttpRequestError.SecureConnectionError => "TLS: " + ex.Message,
                _ => ex.Message,
            },
        };
    }

    /// <summary>What the POX answer said: its Action and the first server, or the error code.</summary>
    private static string Summary(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root!;
            var error = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "ErrorCode");
            if (error is not null)
            {
                return "Error " + error.Value + ": " + root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            }

            var action = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Action")?.Value;
            var redirect = root.Descendants().FirstOrDefault(e => e.Name.LocalName is "RedirectAddr" or "RedirectUrl")?.Value;
            var server = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Server")?.Value;
            return action == "settings" ? "settings (" + server + ")" : action + (redirect is null ? string.Empty : " " + redirect);
        }
        catch (System.Xml.XmlException)
        {
            return "not Autodiscover XML";
        }
    }
}
