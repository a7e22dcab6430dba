using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mailroom.Management.Client;

/// <summary>
/// A signed-in connection to a node's management API. Each command is one HTTPS request with Basic
/// authentication; a self-signed node certificate is trusted only when the caller asks for it explicitly.
/// </summary>
public sealed class ManagementConnection : IDisposable
{
    private const string Prefix = "api/management/v1/";
    private readonly HttpClient http;

    public ManagementConnection(Uri baseUri, string userName, string password, bool skipCertificateCheck = false, HttpMessageHandler? handler = null)
    {
        BaseUri = baseUri;
        UserName = userName;
        handler ??= new SocketsHttpHandler
        {
            SslOptions = skipCertificateCheck ? new() { RemoteCertificateValidationCallback = static (_, _, _, _) => true } : new(),
        };
        http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password)));
    }

    public Uri BaseUri { get; }

    public string UserName { get; }

    /// <summary>Checks the credentials and lists the commands the node runs.</summary>
    public async Task<IReadOnlyList<string>> ListCommandsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(Prefix + "commands", cancellationToken);
        await EnsureSuccessAsync(response, "Connect", cancellationToken);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return doc.RootElement.GetProperty("commands").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>
    /// Runs a cmdlet on the node. Parameter values must be JSON-friendly: strings, numbers, booleans, lists of
    /// strings, or <c>{"Add": [...], "Remove": [...]}</c> dictionaries for multi-valued edits.
    /// </summary>
    public async Task<IReadOnlyList<ManagementObject>> InvokeAsync(
        string command, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(Prefix + "commands/" + Uri.EscapeDataString(command), parameters, cancellationToken);
        await EnsureSuccessAsync(response, command, cancellationToken);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return doc.RootElement.GetProperty("objects").EnumerateArray()
            .Select(o => new ManagementObject(o.GetProperty("type").GetString()!, o.GetProperty("properties").Clone()))
            .ToList();
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string command, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? errorId = null, category = null, detail = null, target = null;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = doc.RootElement;
            errorId = Text(root, "errorId");
            category = Text(root, "category");
            detail = Text(root, "detail");
            target = Text(root, "targetObject");
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: fall back to the status line below.
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            (errorId, category, detail) = ("AccessDenied", "SecurityError", $"Access is denied: the node at {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Authority)} refused the user name or password.");
        }

        throw new ManagementApiException(
            response.StatusCode,
            errorId ?? "ManagementApiError",
            category ?? "NotSpecified",
            detail ?? $"{command} failed: the node answered {(int)response.StatusCode} {response.ReasonPhrase}.",
            target);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
