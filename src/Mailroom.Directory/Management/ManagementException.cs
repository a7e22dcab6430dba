namespace Mailroom.Directory.Management;

/// <summary>
/// A refused management command. <see cref="ErrorId"/> is stable (scripts match on it), <see cref="Category"/>
/// is a PowerShell <c>ErrorCategory</c> name, and the message follows Exchange's wording where Exchange has one.
/// </summary>
public sealed class ManagementException(string errorId, string category, string message, string? targetObject = null)
    : Exception(message)
{
    public string ErrorId { get; } = errorId;

    public string Category { get; } = category;

    public string? TargetObject { get; } = targetObject;
}
