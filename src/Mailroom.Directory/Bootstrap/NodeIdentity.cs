namespace Mailroom.Directory.Bootstrap;

/// <summary>Who this node is in the organization, from configuration (Mailroom:Organization:*, Mailroom:Server:*).</summary>
public sealed record NodeIdentity(string OrganizationName, string Domain, string ServerName, string Fqdn, string Site, string Version);

/// <summary>What first start did: the server object, and the administrator password if one was generated.</summary>
public sealed record BootstrapResult(bool CreatedOrganization, string? GeneratedAdminPassword, Guid ServerGuid);
