using Mailroom.Web.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mailroom.Web.Autodiscover;

/// <summary>
/// Maps the client-setup endpoints: POX Autodiscover, Autodiscover v2 (JSON) and Thunderbird's autoconfig. Routing
/// ignores case, so <c>/Autodiscover/Autodiscover.xml</c> as Outlook writes it and any other casing all match
/// (MS-OXDSCLI §3.2.5).
/// </summary>
public static class AutodiscoverHttp
{
    public const string PoxPath = "/autodiscover/autodiscover.xml";
    public const string JsonPath = "/autodiscover/autodiscover.json";

    public static IServiceCollection AddMailroomAutodiscover(this IServiceCollection services, ClientAccessNode node)
    {
        services.AddSingleton(node);
        services.AddSingleton<ClientSettingsReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapAutodiscover(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(PoxPath, [HttpMethods.Post, HttpMethods.Get], PoxEndpoint.PostAsync);
        endpoints.MapGet(JsonPath, JsonEndpoint.GetAsync);
        endpoints.MapGet(JsonPath + "/v1.0/{email}", JsonEndpoint.GetAsync);
        endpoints.MapGet("/mail/config-v1.1.xml", AutoconfigEndpoint.GetAsync);
        endpoints.MapGet("/.well-known/autoconfig/mail/config-v1.1.xml", AutoconfigEndpoint.GetAsync);
        return endpoints;
    }

    /// <summary>401 with a Basic challenge (RFC 7617); Outlook signs in and posts again.</summary>
    internal static IResult Challenge(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Autodiscover\", charset=\"UTF-8\"";
        return Results.StatusCode(StatusCodes.Status401Unauthorized);
    }
}
