using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.Addressing;
using Mailroom.Directory.Policies;

namespace Mailroom.Directory.Tests.Properties;

/// <summary>Whatever the names, an expanded template is either empty or a valid RFC 5321 dot-atom local part.</summary>
public class LocalPartTemplateProperties
{
    private static readonly string[] PrecannedFormats = ["%m", "%g.%s", "%1g%s", "%g%1s", "%s.%g", "%1s%g", "%s%1g", "%d", "%g.%i.%s", "%r..%d"];

    private static bool EmptyOrDotAtom(string local) => local.Length == 0 || SmtpAddress.IsValidLocalPart(local);

    [Property(MaxTest = 3000)]
    public Property PrecannedFormatsAlwaysGiveADotAtomOrNothing()
    {
        var cases = from format in Gen.Elements(PrecannedFormats)
                    from names in NameGenerators.RecipientNames
                    select (format, names);
        return Prop.ForAll(cases.ToArbitrary(), c => EmptyOrDotAtom(LocalPartTemplate.Expand(c.format, c.names)));
    }

    [Property(MaxTest = 3000)]
    public Property RandomValidFormatsAlwaysGiveADotAtomOrNothing()
    {
        var cases = from format in NameGenerators.Formats
                    from names in NameGenerators.RecipientNames
                    select (format, names);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            LocalPartTemplate.Validate(c.format);
            return EmptyOrDotAtom(LocalPartTemplate.Expand(c.format, c.names));
        });
    }

    [Property(MaxTest = 1000)]
    public Property ExpansionIsLowerCase()
    {
        var cases = from format in Gen.Elements(PrecannedFormats)
                    from names in NameGenerators.RecipientNames
                    select (format, names);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var local = LocalPartTemplate.Expand(c.format, c.names);
            return local == local.ToLowerInvariant();
        });
    }
}
