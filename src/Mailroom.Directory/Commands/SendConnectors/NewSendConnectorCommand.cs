using Mailroom.Directory.Commands.Servers;
using Mailroom.Directory.Management;
using Mailroom.Directory.Model;

namespace Mailroom.Directory.Commands.SendConnectors;

public sealed class NewSendConnectorCommand : ManagementCommand
{
    /// <summary>Exchange's usage types for send connectors; the switches of the same names choose them too.</summary>
    private static readonly string[] Usages = ["Custom", "Internal", "Internet", "Partner"];

    public override string Name => "New-SendConnector";

    protected override IEnumerable<string> Parameters => ["Name", "Usage", .. Usages, .. SendConnectorSettings.Names];

    public override async Task<IReadOnlyList<object>> ExecuteAsync(CommandContext context, CommandParameters parameters, CancellationToken cancellationToken)
    {
        var name = DirectoryWrites.ValidName(parameters.RequiredString(Name, "Name"));
        if (!parameters.Has("AddressSpaces"))
        {
            throw ManagementErrors.MissingParameter(Name, "AddressSpaces");
        }

        var connector = new SendConnector
        {
            Name = name,
            DistinguishedName = context.Names.SendConnector(name),

            // Exchange's Partner usage sends over mutually authenticated TLS only.
            RequireTLS = UsageOf(parameters) == "Partner",
        };
        if (!parameters.Has("SourceTransportServers"))
        {
            connector.SourceTransportServers = [(await LocalServer.GetAsync(context, cancellationToken)).Name];
        }

        await SendConnectorSettings.ApplyAsync(context, connector, parameters, cancellationToken);
        await DirectoryWrites.AddAsync(context, connector, cancellationToken);
        return Output(connector);
    }

    /// <summary><c>-Usage Internet</c> or the switch <c>-Internet</c>; one at most, Custom when neither is given.</summary>
    private static string UsageOf(CommandParameters parameters)
    {
        var chosen = Usages.Where(parameters.Switch).ToList();
        if (parameters.String("Usage") is { } usage)
        {
            chosen.Add(Usages.FirstOrDefault(u => u.Equals(usage.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw ManagementErrors.InvalidArgument($"Cannot process argument transformation on parameter 'Usage'. \"{usage}\" isn't valid; use {string.Join(", ", Usages)}.", usage));
        }

        return chosen.Distinct().ToList() switch
        {
            [] => "Custom",
            [var one] => one,
            _ => throw ManagementErrors.InvalidArgument("Parameter set cannot be resolved using the specified named parameters: give one usage, either -Usage or one of -Custom, -Internal, -Internet, -Partner."),
        };
    }
}
