namespace Mailroom.Directory.Management;

/// <summary>The errors management commands raise, worded as Exchange words them.</summary>
public static class ManagementErrors
{
    public static ManagementException NotFound(string identity, string server) => new(
        "ManagementObjectNotFoundException", "ObjectNotFound",
        $"The operation couldn't be performed because object '{identity}' couldn't be found on '{server}'.", identity);

    public static ManagementException Ambiguous(string identity) => new(
        "ManagementObjectAmbiguousException", "InvalidArgument",
        $"The operation couldn't be performed because '{identity}' matches multiple entries.", identity);

    public static ManagementException AlreadyExists(string what, string value) => new(
        "ADObjectAlreadyExistsException", "ResourceExists",
        $"The {what} \"{value}\" is already being used. Please try another {what}.", value);

    public static ManagementException AddressInUse(string address, string owner) => new(
        "ProxyAddressExistsException", "ResourceExists",
        $"The proxy address \"{address}\" is already being used by the proxy addresses or LegacyExchangeDN of \"{owner}\". Please choose another proxy address.",
        address);

    public static ManagementException BindingConflict(string otherConnector) => new(
        "ReceiveConnectorBindingConflict", "ResourceExists",
        $"The values that you specified for the Bindings and RemoteIPRanges parameters conflict with the settings on Receive connector \"{otherConnector}\". Receive connectors assigned to the same server must have unique combinations of values for these parameters.",
        otherConnector);

    public static ManagementException InvalidArgument(string message, string? target = null) => new(
        "InvalidArgumentException", "InvalidArgument", message, target);

    public static ManagementException InvalidOperation(string message, string? target = null) => new(
        "InvalidOperationException", "InvalidOperation", message, target);

    public static ManagementException MissingParameter(string command, string parameter) => new(
        "ParameterArgumentValidationErrorNullNotAllowed", "InvalidArgument",
        $"{command}: the parameter '{parameter}' is required.", parameter);

    public static ManagementException UnknownParameter(string parameter) => new(
        "NamedParameterNotFound", "InvalidArgument",
        $"A parameter cannot be found that matches parameter name '{parameter}'.", parameter);

    public static ManagementException UnknownCommand(string command) => new(
        "CommandNotFoundException", "ObjectNotFound",
        $"The term '{command}' is not recognized as a name of a cmdlet.", command);

    public static ManagementException AccessDenied(string command) => new(
        "AccessDenied", "PermissionDenied",
        $"You don't have permission to run '{command}'. It requires membership in the Organization Management role group.", command);
}
