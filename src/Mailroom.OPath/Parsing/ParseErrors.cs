namespace Mailroom.OPath.Parsing;

/// <summary>Builds the exceptions the lexer and parser throw, so every message has the same shape.</summary>
internal static class ParseErrors
{
    public const string Term = "a property name, '(' or -not";
    public const string ComparisonOperator = "a comparison operator (-eq, -ne, -like, -notlike, -lt, -le, -gt, -ge)";
    public const string Value = "a value (a quoted string, $null, $true, $false or a number)";
    public const string AfterFilter = "-and, -or or end of filter";
    public const string PropertyName = "a filterable property name";

    private const int MaxQuotedLength = 40;

    public static OPathParseException Unexpected(string expected, Token found) =>
        Unexpected(found.Position, expected, Describe(found));

    public static OPathParseException Unexpected(int position, string expected, string found) =>
        new($"Invalid filter syntax at position {position}: expected {expected} but found {found}.", position, expected);

    public static OPathParseException UnknownProperty(Token property, OPathSchema schema)
    {
        var valid = string.Join(", ", schema.PropertyNames.Order(StringComparer.OrdinalIgnoreCase));
        return new(
            $"Invalid filter at position {property.Position}: \"{property.Text}\" is not a recognized filterable property. Valid properties: {valid}.",
            property.Position,
            PropertyName);
    }

    public static OPathParseException TooDeep(Token token, int maxDepth)
    {
        var expected = $"at most {maxDepth} levels of nested parentheses and -not";
        return new(
            $"Invalid filter syntax at position {token.Position}: the filter is nested too deeply; expected {expected}.",
            token.Position,
            expected);
    }

    public static string Describe(Token token)
    {
        if (token.Kind == TokenKind.End)
        {
            return "end of filter";
        }

        var raw = token.Raw.Length > MaxQuotedLength ? token.Raw[..MaxQuotedLength] + "..." : token.Raw;
        return "\"" + raw + "\"";
    }
}
