using Mailroom.OPath.Parsing;

namespace Mailroom.OPath;

/// <summary>The set of properties a particular use of OPath (e.g. a recipient filter) may reference.</summary>
public sealed class OPathSchema
{
    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    /// <param name="propertyNames">Canonical spellings; lookups ignore case and the first spelling wins.</param>
    public OPathSchema(IEnumerable<string> propertyNames)
    {
        ArgumentNullException.ThrowIfNull(propertyNames);
        foreach (var name in propertyNames)
        {
            // A name the lexer would not read back as one word could never be referenced,
            // and would break the ToString round trip, so reject it up front.
            if (!OPathLexer.IsPropertyName(name))
            {
                throw new ArgumentException($"\"{name}\" cannot be used as an OPath property name.", nameof(propertyNames));
            }

            if (_canonical.TryAdd(name, name))
            {
                _names.Add(name);
            }
        }
    }

    public IReadOnlyCollection<string> PropertyNames => _names;

    public bool TryGetCanonicalName(string name, out string canonical)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_canonical.TryGetValue(name, out var found))
        {
            canonical = found;
            return true;
        }

        canonical = string.Empty;
        return false;
    }
}
