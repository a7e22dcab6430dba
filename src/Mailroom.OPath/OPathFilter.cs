using System.Diagnostics.CodeAnalysis;
using Mailroom.OPath.Evaluation;
using Mailroom.OPath.Parsing;

namespace Mailroom.OPath;

/// <summary>
/// A parsed and compiled OPath filter, e.g. <c>Department -eq 'Sales' -and -not (Title -like '*Intern*')</c>.
/// Immutable and safe to evaluate from many threads.
/// </summary>
public sealed class OPathFilter
{
    private readonly Func<IOPathRecord, bool> _predicate;

    private OPathFilter(string text, OPathNode root)
    {
        Text = text;
        Root = root;
        ReferencedProperties = OPathCompiler.ReferencedProperties(root);
        _predicate = OPathCompiler.Compile(root);
    }

    /// <summary>The text the filter was parsed from, unchanged.</summary>
    public string Text { get; }

    /// <summary>The syntax tree; its <c>ToString()</c> is the canonical form of the filter.</summary>
    public OPathNode Root { get; }

    /// <summary>Canonical names of the properties the filter reads (lookups ignore case).</summary>
    public IReadOnlySet<string> ReferencedProperties { get; }

    /// <exception cref="OPathParseException">The text is not a valid filter over <paramref name="schema"/>.</exception>
    public static OPathFilter Parse(string text, OPathSchema schema)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(schema);
        return new OPathFilter(text, OPathParser.Parse(text, schema));
    }

    /// <summary>Like <see cref="Parse"/>, but reports a syntax error instead of throwing it. Null text is an empty filter.</summary>
    public static bool TryParse(
        string text,
        OPathSchema schema,
        [NotNullWhen(true)] out OPathFilter? filter,
        [NotNullWhen(false)] out OPathParseException? error)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            filter = Parse(text ?? string.Empty, schema);
            error = null;
            return true;
        }
        catch (OPathParseException e)
        {
            filter = null;
            error = e;
            return false;
        }
    }

    public bool Evaluate(IOPathRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _predicate(record);
    }

    public override string ToString() => Text;

    /// <summary>Compiles a tree built in code; the text is its canonical form. Properties are not checked.</summary>
    internal static OPathFilter FromRoot(OPathNode root) => new(root.ToString(), root);
}
