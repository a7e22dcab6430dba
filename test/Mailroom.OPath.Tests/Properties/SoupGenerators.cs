using FsCheck;
using FsCheck.Fluent;

namespace Mailroom.OPath.Tests.Properties;

/// <summary>
/// Filter-shaped garbage: sequences of real (and nearly real) tokens, and valid filters with a
/// random edit. These reach far deeper into the parser than random characters do.
/// </summary>
internal static class SoupGenerators
{
    private static readonly string[] Tokens =
    [
        "Department", "department", "TITLE", "EmailAddresses", "ArchiveQuota", "HiddenFromAddressListsEnabled",
        "Foo", "x",
        "-eq", "-EQ", "-ne", "-like", "-notlike", "-lt", "-le", "-gt", "-ge", "-and", "-AND", "-or", "-not", "-Not",
        "'Sales'", "''", "'it''s'", "\"dq\"", "\"a`\"b\"", "\"\"\"\"", "$null", "$TRUE", "$false",
        "42", "-7", "007", "9223372036854775807", "99999999999999999999", "-9223372036854775809", "Sales", "a*", "*",
        "'open", "\"open", "\"tick`", "$foo", "-foo", "-", "$", "`", "'", "\"",
        "(", ")", "{", "}", "((", "))",

        // Phrases, so that soups often get past the first token or two.
        "Department -eq", "title -NE", "ArchiveQuota -gt", "EmailAddresses -notlike",
        "Department -eq 'Sales'", "Title -like a*", "ArchiveQuota -lt 5", "-not Department -eq $null",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "", "\t", "\n", "  "];

    public static Gen<string> Soups { get; } =
        Gen.ListOf(
            from token in Gen.Elements(Tokens)
            from separator in Gen.Elements(Separators)
            select token + separator)
        .Select(string.Concat);

    public static Gen<string> MutatedFilters { get; } =
        from text in AstGenerators.Nodes(AstGenerators.TameText).Select(n => n.ToString())
        from kind in Gen.Choose(0, 3)
        from a in Gen.Choose(0, text.Length)
        from b in Gen.Choose(0, text.Length)
        from token in Gen.Elements(Tokens)
        select Mutate(text, kind, Math.Min(a, b), Math.Max(a, b), token);

    private static string Mutate(string text, int kind, int from, int to, string token) => kind switch
    {
        0 => text.Remove(from, to - from),
        1 => text.Insert(from, token),
        2 => text[..from],
        _ => text.Insert(to, text[from..to]),
    };
}
