using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.Protocols.Imap.Fetch;
using Mailroom.Protocols.Imap.Parsing;
using Mailroom.Protocols.Imap.Search;

namespace Mailroom.Protocols.Imap.Tests.Fetch;

/// <summary>Whatever tokens a client sends, the argument parsers answer or throw their own syntax exception, nothing else.</summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] Words =
    [
        "ALL", "FAST", "FULL", "UID", "FLAGS", "BODY", "BODY[]", "BODY.PEEK[1.2.MIME]<0.5>", "BODY[HEADER.FIELDS (A B)]",
        "BINARY[1]", "BINARY.SIZE[2]", "CHANGEDSINCE", "VANISHED", "MODSEQ", "NOT", "OR", "FROM", "HEADER", "BEFORE",
        "SINCE", "1-Jan-2024", "32-Feb-2024", "LARGER", "SMALLER", "1", "0", "*", "1:*", "$", "4294967296", "-1",
        "KEYWORD", "CHARSET", "UTF-8", "RETURN", "MIN", "MAX", "COUNT", "SAVE", "SEEN", "TEXT", "BODY[", "]", "<1.2>",
        "priv", "/flags/\\seen", "shared", "\\Seen", "REVERSE", "DATE", "SUBJECT", "ARRIVAL", "DISPLAYFROM", "REFERENCES",
        "ORDEREDSUBJECT", "US-ASCII", "ON", "SENTON", "NEW", "\u00e9", "BODY[1.HEADER]", "BODY[TEXT]<0.0>", "",
    ];

    private static Gen<ImapToken> TokenGen(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements(Words).Select(ImapToken.Atom),
            Gen.Elements(Words).Select(ImapToken.Quoted),
            ArbMap.Default.GeneratorFor<string>().Select(s => ImapToken.Atom(s ?? string.Empty)),
            ArbMap.Default.GeneratorFor<byte[]>().Select(b => ImapToken.Literal(b ?? [])));
        return depth == 0
            ? leaf
            : Gen.Frequency((4, leaf), (1, TokenGen(depth - 1).ListOf().Select(l => ImapToken.List(l.Take(6).ToList()))));
    }

    private static Arbitrary<ImapToken[]> Arguments => TokenGen(3).ArrayOf().Select(a => a.Take(8).ToArray()).ToArbitrary();

    private static bool OnlySyntaxErrors(Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (ArgumentSyntaxException)
        {
            return true;
        }
    }

    [Property(MaxTest = 3000)]
    public Property FetchParserThrowsOnlySyntaxErrors() =>
        Prop.ForAll(Arguments, tokens => OnlySyntaxErrors(() => FetchAttributeParser.Parse(tokens)));

    [Property(MaxTest = 3000)]
    public Property SearchParserThrowsOnlySyntaxErrors() =>
        Prop.ForAll(Arguments, tokens => OnlySyntaxErrors(() => SearchParser.Parse(tokens, 0, SearchParserOptions.Default)));
}
