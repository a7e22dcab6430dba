namespace Mailroom.Directory.Model;

/// <summary>
/// One server's component states, as Exchange keeps them in Active Directory: an entry per component and requester
/// (Maintenance, HealthAPI, …), each stored separately so one requester can't undo another's. Kept in the directory,
/// so they survive a restart and every node of an array sees them. Named after the server.
/// </summary>
public sealed class ServerComponentStates : DirectoryObject
{
    public const string Class = "ServerComponentStates";

    public string Server { get; set; } = string.Empty;

    public List<ComponentStateEntry> Entries { get; set; } = [];

    public override string ObjectClass => Class;
}

/// <summary>One requester's word on one component, and when it was given (the start of a drain).</summary>
public sealed record ComponentStateEntry(string Component, string Requester, ServiceState State, DateTime Timestamp);

/// <summary>Exchange's ServiceState values.</summary>
public enum ServiceState
{
    Active,
    Inactive,
    Draining,
}
