using System.Net;
using System.Text.Json;
using Mailroom.ClientAccess.Rules;
using Mailroom.Directory.ClientAccessRules;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;
using Mailroom.Directory.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mailroom.Web.Management;

/// <summary>
/// The management API: <c>POST /api/management/v1/commands/{cmdlet}</c> with the cmdlet's parameters as a JSON
/// object runs the cmdlet on this node, as Exchange's remote PowerShell does, and answers with the output objects
/// or an RFC 9457 problem carrying the error ID and category. See docs/management-api.md.
/// </summary>
public static class ManagementApi
{
    public const string Prefix = "/api/management/v1";

    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Prefix + "/commands/{command}", InvokeAsync);
        endpoints.MapGet(Prefix + "/commands", ListAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, BasicAuthentication auth, ClientAccessPolicy access, ManagementService service)
    {
        var (caller, refusal) = await SignInAsync(http, auth, access);
        return caller is null ? refusal! : Results.Json(new { commands = service.Catalog.Names });
    }

    private static async Task<IResult> InvokeAsync(string command, HttpContext http, BasicAuthentication auth, ClientAccessPolicy access, ManagementService service)
    {
        var (caller, refusal) = await SignInAsync(http, auth, access);
        if (caller is null)
        {
            return refusal!;
        }

        Dictionary<string, JsonElement>? parameters;
        try
        {
            parameters = http.Request.ContentLength is 0 ? [] : await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Problem(new ManagementException("InvalidRequestBody", "InvalidArgument", "The request body must be a JSON object of parameter names and values."), command);
        }

        try
        {
            var output = await service.InvokeAsync(command, new CommandParameters(parameters), caller, http.RequestAborted);
            return Results.Json(new { objects = output.Select(Envelope) });
        }
        catch (ManagementException ex)
        {
            return Problem(ex, command);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never a stack trace on the wire: the details go to the node's log under the request's trace ID.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ManagementApi))
                .LogError(ex, "Management command {Command} failed unexpectedly (trace {TraceId})", command, http.TraceIdentifier);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "InternalError",
                detail: $"{command} failed because of an internal error. The node's log has the details under trace ID {http.TraceIdentifier}.");
        }
    }

    /// <summary>
    /// Client access rules for <c>RemotePowerShell</c> (the management API is Exchange's remote PowerShell): a rule
    /// that needs only the address refuses before the password is checked, the rest once the caller is known. The
    /// caller then carries its connection, so rule changes can refuse to lock their own caller out.
    /// </summary>
    private static async Task<(Caller? Caller, IResult? Refusal)> SignInAsync(HttpContext http, BasicAuthentication auth, ClientAccessPolicy access)
    {
        var connection = http.Connection;
        var remote = connection.RemoteIpAddress is { } address ? new IPEndPoint(address, connection.RemotePort) : null;
        if ((await access.CheckConnectionAsync(ClientAccessProtocols.RemotePowerShell, remote, http.RequestAborted)).IsDenied)
        {
            return (null, Forbidden());
        }

        var caller = await auth.AuthenticateAsync(http.Request, http.RequestAborted);
        if (caller is null)
        {
            return (null, Unauthorized(http));
        }

        var decision = await access.CheckUserAsync(ClientAccessProtocols.RemotePowerShell, remote, ClientAccessAuthenticationTypes.Basic, caller.Id, http.RequestAborted);
        if (decision.IsDenied)
        {
            return (null, Forbidden());
        }

        return (remote is null ? caller : caller with
        {
            Connection = new CallerConnection(remote.Address, remote.Port, ClientAccessProtocols.RemotePowerShell, ClientAccessAuthenticationTypes.Basic),
        }, null);
    }

    /// <summary>HTTP 403 as problem details, without the rule (exchange.md §3.7: the client learns only that access is denied).</summary>
    private static IResult Forbidden() => Problem(
        new ManagementException("ClientAccessDenied", "PermissionDenied", "Access denied: a client access rule doesn't allow this connection to the management API."),
        command: null);

    private static object Envelope(object obj) => new
    {
        type = obj is DirectoryObject d ? d.ObjectClass : obj.GetType().Name,
        properties = JsonSerializer.SerializeToElement(obj, obj.GetType(), DirectoryJson.Options),
    };

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Mailroom\", charset=\"UTF-8\"";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
            detail: "Sign in with the user name and password of a member of the Organization Management role group.");
    }

    private static IResult Problem(ManagementException ex, string? command) => Results.Problem(
        statusCode: ex.Category switch
        {
            "ObjectNotFound" => StatusCodes.Status404NotFound,
            "ResourceExists" => StatusCodes.Status409Conflict,
            "PermissionDenied" => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        title: ex.ErrorId,
        detail: ex.Message,
        extensions: new Dictionary<string, object?>
        {
            ["errorId"] = ex.ErrorId,
            ["category"] = ex.Category,
            ["targetObject"] = ex.TargetObject,
            ["command"] = command,
        });
}
