namespace Mailroom.Directory.Management;

/// <summary>An authenticated user of the management API and what its role groups let it do.</summary>
public sealed record Caller(Guid Id, string Name, bool CanRead, bool CanChange);
