using System.Net;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.ClientAccessArrays;

/// <summary>
/// Export-ClientAccessArrayConfiguration -Identity &lt;array&gt; -Format HAProxy [-VirtualAddress &lt;ip&gt;] [-ProxyProtocol]
/// [-MemberPorts] [-SourceAddress &lt;ip&gt;] [-CheckIntervalSeconds &lt;n&gt;]: a load balancer configuration for the array,
/// returned as FileData (as Exchange's Export- cmdlets return theirs). Nothing is written to the directory.
/// </summary>
public sealed class ExportClientAccessArrayConfigurationCommand : ManagementCommand
{
    public override string Name => "Export-ClientAccessArrayConfiguration";

    public override bool ChangesConfiguration => false;

    protected override IEnumerable<string> Parameters =>
        ["Identity", "Format", "VirtualAddress", "ProxyProtocol", "MemberPorts", "SourceAddress", "CheckIntervalSeconds"];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var format = parameters.RequiredString(Name, "Format");
        if (!format.Equals("HAProxy", StringComparison.OrdinalIgnoreCase))
        {
            throw ManagementErrors.InvalidArgument($"\"{format}\" isn't a format Mailroom can write. Use HAProxy.", format);
        }

        var vip = OptionalAddress(parameters, "VirtualAddress");
        var source = OptionalAddress(parameters, "SourceAddress");
        var interval = parameters.Int("CheckIntervalSeconds") ?? 2;
        if (interval is < 1 or > 60)
        {
            throw ManagementErrors.InvalidArgument("CheckIntervalSeconds must be between 1 and 60.", interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var array = await IdentityResolver.ResolveAsync<ClientAccessArray>(context, parameters.RequiredString(Name, "Identity"), cancellationToken);
        var members = new List<Server>();
        await foreach (var server in context.Reader.ListAsync<Server>(cancellationToken))
        {
            if (server.Site.Equals(array.Site, StringComparison.OrdinalIgnoreCase))
            {
                members.Add(server);
            }
        }

        if (members.Count == 0)
        {
            throw ManagementErrors.InvalidOperation(
                $"The client access array \"{array.Name}\" has no members: no server is in its site \"{array.Site}\". Start a node with Mailroom:Server:Site={array.Site} first.", array.Name);
        }

        var unregistered = members.Where(m => HAProxyConfiguration.Services.Any(s => HAProxyConfiguration.Endpoint(m, s.Listener) is null)).Select(m => m.Name).ToList();
        if (unregistered.Count > 0)
        {
            throw ManagementErrors.InvalidOperation(
                $"The listeners of {string.Join(", ", unregistered)} aren't known yet; start each of those nodes once with this version so it records them.", array.Name);
        }

        var config = new HAProxyConfiguration
        {
            Array = array,
            Members = members,
            VirtualAddress = vip,
            SourceAddress = source,
            ProxyProtocol = parameters.Switch("ProxyProtocol"),
            MemberPorts = parameters.Switch("MemberPorts"),
            CheckIntervalSeconds = interval,
        };
        if (config.PortDisagreements().ToList() is { Count: > 0 } disagreements)
        {
            throw ManagementErrors.InvalidOperation(
                $"-MemberPorts needs every member on the same ports, but they differ for: {string.Join("; ", disagreements)}.", array.Name);
        }

        if (!members.Any(m => CertificateCoverage.AnyCovers(m.CertificateDomains, array.Fqdn)))
        {
            config.Warnings.Add(
                $"No member's certificate covers {array.Fqdn}: clients connecting to the array by that name will get certificate errors. " +
                "Give the members a certificate whose names include it.");
        }

        var file = config.Write();
        return [.. config.Warnings.Select(w => (object)new ManagementWarning(w)), new ClientAccessArrayConfiguration(array.Name, "HAProxy", "haproxy.cfg", file)];
    }

    private static string? OptionalAddress(CommandParameters parameters, string name) =>
        parameters.String(name) is not { } text ? null
        : IPAddress.TryParse(text, out var address) ? address.ToString()
        : throw ManagementErrors.InvalidArgument($"{name} must be an IP address; \"{text}\" isn't one.", text);
}

/// <summary>What Export-ClientAccessArrayConfiguration returns: the file's text in FileData.</summary>
public sealed record ClientAccessArrayConfiguration(string Identity, string Format, string FileName, string FileData);
