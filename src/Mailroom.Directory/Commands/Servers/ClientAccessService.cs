using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.Servers;

/// <summary>
/// What Get-ClientAccessService shows of a server: its Autodiscover service connection point settings. The SCP
/// keywords follow Exchange: the Autodiscover URL GUID and one <c>Site=</c> keyword per scoped site.
/// </summary>
public sealed record ClientAccessService(
    string Name,
    string Fqdn,
    string? ClientAccessArray,
    string? AutoDiscoverServiceInternalUri,
    IReadOnlyList<string> AutoDiscoverSiteScope,
    Guid AutoDiscoverServiceGuid,
    string AutoDiscoverServiceCN,
    string AutoDiscoverServiceClassName,
    bool IsOutOfService,
    string Identity,
    Guid Guid,
    string DistinguishedName,
    DateTime WhenCreated,
    DateTime WhenChanged)
{
    public const string ServiceClassName = "ms-Exchange-AutoDiscover-Service";

    public static ClientAccessService Of(Server server, ClientAccessArray? array) => new(
        server.Name,
        server.Fqdn,
        array?.Name,
        server.AutoDiscoverServiceInternalUri,
        server.AutoDiscoverSiteScope,
        Server.AutoDiscoverServiceGuid,
        server.Name,
        ServiceClassName,
        server.IsOutOfService,
        server.Identity,
        server.Guid,
        server.DistinguishedName,
        server.WhenCreated,
        server.WhenChanged);
}
