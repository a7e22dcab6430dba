namespace Mailroom.OPath;

/// <summary>An object an <see cref="OPathFilter"/> can be evaluated against.</summary>
public interface IOPathRecord
{
    /// <summary>
    /// Returns the value of a property named exactly as in the schema: <c>null</c>, a
    /// <see cref="string"/>, a <see cref="bool"/>, an integer (<see cref="int"/>, <see cref="long"/>, ...)
    /// or an <see cref="IEnumerable{T}"/> of strings for a multi-valued property.
    /// </summary>
    object? GetValue(string canonicalPropertyName);
}
