using Mailroom.Directory.Commands.ComponentStates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mailroom.Web.Health;

/// <summary>What the health endpoints ask of the node: its FQDN and whether a server component is active now.</summary>
public interface IServerHealth
{
    string Fqdn { get; }

    bool IsActive(string component);
}

/// <summary>
/// Exchange's load balancer probes (exchange.md §5.3): <c>GET /&lt;service&gt;/healthcheck.htm</c>, no authentication,
/// answers <c>200</c> with <c>200 OK&lt;br/&gt;FQDN</c> while the server and the service's component are active and
/// <c>503</c> once either is draining or inactive, so a balancer stops sending new connections there. Services
/// without a vdir of their own (imap, pop, smtp) get one here so a TCP balancer can probe them over HTTPS.
/// <c>GET /health/live</c> answers while the process runs, whatever the component states.
/// </summary>
public static class HealthEndpoints
{
    public const string LivenessPath = "/health/live";

    /// <summary>URL segment to the component whose state it reports.</summary>
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["autodiscover"] = ServerComponents.AutoDiscoverProxy,
        ["owa"] = ServerComponents.OwaProxy,
        ["ecp"] = ServerComponents.EcpProxy,
        ["imap"] = ServerComponents.ImapProxy,
        ["pop"] = ServerComponents.PopProxy,
        ["smtp"] = ServerComponents.FrontendTransport,
        ["powershell"] = ServerComponents.RpsProxy,
    };

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (service, component) in Services)
        {
            endpoints.MapGet($"/{service}/healthcheck.htm", (HttpContext http, IServerHealth health) => Probe(http, health, component));
        }

        endpoints.MapGet(LivenessPath, (HttpContext http, IServerHealth health) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text($"alive {health.Fqdn}", "text/plain");
        });
        return endpoints;
    }

    private static IResult Probe(HttpContext http, IServerHealth health, string component)
    {
        http.Response.Headers.CacheControl = "no-store";
        return health.IsActive(component)
            ? Results.Content($"200 OK<br/>{health.Fqdn}", "text/html")
            : Results.Content($"503 Service Unavailable<br/>{health.Fqdn}", "text/html", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
