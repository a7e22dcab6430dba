using System.Net;

namespace Mailroom.Management.Client;

/// <summary>A command the node refused, with the stable error ID and PowerShell error category it sent.</summary>
public sealed class ManagementApiException(HttpStatusCode status, string errorId, string category, string message, string? targetObject)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = status;

    public string ErrorId { get; } = errorId;

    /// <summary>A PowerShell <c>ErrorCategory</c> name such as <c>ObjectNotFound</c> or <c>InvalidArgument</c>.</summary>
    public string Category { get; } = category;

    public string? TargetObject { get; } = targetObject;
}
