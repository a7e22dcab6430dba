namespace Mailroom.Directory.Model;

/// <summary>
/// An Autodiscover pointer SCP (keyword <see cref="PointerGuid"/>): tells domain-joined clients that the
/// Autodiscover settings for <see cref="Domain"/> (or, without one, for any domain not otherwise found) live in
/// another directory, reached at <see cref="ServiceBindingInformation"/> (an LDAP URL). URL SCPs are not objects of
/// their own: each server's <c>AutoDiscoverServiceInternalUri</c> is one (exchange.md §4.4).
/// </summary>
public sealed class ServiceConnectionPoint : DirectoryObject
{
    public const string Class = "ServiceConnectionPoint";

    public static readonly Guid PointerGuid = new("67661d7F-8FC4-4fa7-BFAC-E1D7794C1F68");

    public string ServiceBindingInformation { get; set; } = string.Empty;

    public string? Domain { get; set; }

    public List<string> Keywords => Domain is null ? [PointerGuid.ToString()] : [PointerGuid.ToString(), "Domain=" + Domain];

    public override string ObjectClass => Class;
}
