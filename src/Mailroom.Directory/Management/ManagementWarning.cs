namespace Mailroom.Directory.Management;

/// <summary>
/// A warning a command gives alongside its output (Exchange's WriteWarning): the PowerShell module writes objects of
/// this type with Write-Warning instead of to the pipeline.
/// </summary>
public sealed record ManagementWarning(string Message);
