using Mailroom.OPath.Tests.Support;

namespace Mailroom.OPath.Tests.Properties;

internal static class ParseOutcome
{
    private static readonly TestRecord Empty = TestRecord.With();

    /// <summary>
    /// True when <paramref name="text"/> either parses to a filter whose canonical text round-trips,
    /// or fails with a well-formed <see cref="OPathParseException"/>. Any other exception escapes
    /// and fails the property.
    /// </summary>
    public static bool IsClean(string text)
    {
        OPathFilter filter;
        try
        {
            filter = TestSchema.Parse(text);
        }
        catch (OPathParseException e)
        {
            return e.Position >= 1
                && e.Position <= text.Length + 1
                && e.Expected.Length > 0
                && e.Message.Contains($"position {e.Position}:", StringComparison.Ordinal);
        }

        var again = TestSchema.Parse(filter.Root.ToString());
        return again.Root.Equals(filter.Root) && again.Evaluate(Empty) == filter.Evaluate(Empty);
    }
}
