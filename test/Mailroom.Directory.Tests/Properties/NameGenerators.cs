using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Tests.Properties;

/// <summary>Random recipient names and template local-part formats.</summary>
internal static class NameGenerators
{
    // Characters that matter to the cleaner: dots, atom specials, spaces, accents, non-Latin letters, controls.
    private const string Awkward = "..  -_'!#$%&*+/=?^`{|}~\"(),:;<>@[\\]\t\n\0aZz09éÉñÑøØßİıﬁÅ李𠮷😀";

    private static readonly Gen<char> AnyChar = Gen.Choose(0, char.MaxValue).Select(c => (char)c);

    /// <summary>Names biased towards awkward characters, plus wholly random UTF-16 (lone surrogates included).</summary>
    public static Gen<string?> Names { get; } = Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>(string.Empty)),
        (4, Gen.ArrayOf(Gen.Elements(Awkward.ToCharArray())).Select(c => (string?)new string(c))),
        (2, Gen.ArrayOf(AnyChar).Select(c => (string?)new string(c))),
        (1, Gen.ArrayOf(Gen.Elements('a', '.', 'b'), 80).Select(c => (string?)new string(c))));

    public static Gen<RecipientNames> RecipientNames { get; } =
        from first in Names
        from last in Names
        from initials in Names
        from display in Names
        from alias in Names
        select new RecipientNames(first, last, initials, display, alias ?? string.Empty);

    private static readonly Gen<string> Variables = Gen.OneOf(
        Gen.Elements("%g", "%s", "%i", "%d", "%m", "%G", "%S"),
        from count in Gen.Choose(1, 99)
        from v in Gen.Elements('g', 's')
        select $"%{count}{v}",
        from x in Gen.Elements(Awkward.ToCharArray())
        from y in Gen.Elements(Awkward.ToCharArray())
        select $"%r{x}{y}");

    private static readonly Gen<string> Literals =
        Gen.Elements("a", "z", "0", ".", "..", "-", "_", "'", "+", "sales", "X");

    /// <summary>Syntactically valid formats built from variables and literal characters.</summary>
    public static Gen<string> Formats { get; } =
        Gen.NonEmptyListOf(Gen.Frequency((3, Variables), (1, Literals)))
            .Select(parts => parts.Aggregate(new StringBuilder(), (b, p) => b.Append(p)).ToString());
}
