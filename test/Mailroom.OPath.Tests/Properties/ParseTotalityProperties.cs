using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests.Properties;

/// <summary>Parse never fails with anything but <see cref="OPathParseException"/>.</summary>
public class ParseTotalityProperties
{
    [Property(MaxTest = 2000)]
    public bool RandomStringsParseOrFailCleanly(string? text) => ParseOutcome.IsClean(text ?? string.Empty);

    [Property(MaxTest = 5000, EndSize = 40)]
    public Property TokenSoupsParseOrFailCleanly() =>
        Prop.ForAll(SoupGenerators.Soups.ToArbitrary(), ParseOutcome.IsClean);

    [Property(MaxTest = 2000)]
    public Property MutatedFiltersParseOrFailCleanly() =>
        Prop.ForAll(SoupGenerators.MutatedFilters.ToArbitrary(), ParseOutcome.IsClean);

    [Fact]
    public void SoupsReachBothSuccessAndManyDifferentErrors()
    {
        // Guards the generator: soups that never parse, or always fail the same way, test little.
        var outcomes = Gen.Sample(SoupGenerators.Soups, size: 8, numberOfSamples: 3000)
            .Concat(Gen.Sample(SoupGenerators.MutatedFilters, size: 20, numberOfSamples: 1000))
            .Select(text => OPathFilter.TryParse(text, TestSchema.Instance, out _, out var error) ? "ok" : error!.Expected)
            .ToHashSet();

        Assert.Contains("ok", outcomes);
        Assert.Contains("a filterable property name", outcomes);
        Assert.Contains("a comparison operator (-eq, -ne, -like, -notlike, -lt, -le, -gt, -ge)", outcomes);
        Assert.Contains("a value (a quoted string, $null, $true, $false or a number)", outcomes);
        Assert.True(outcomes.Count >= 10, string.Join(" | ", outcomes));
    }
}
