namespace Mailroom.OPath;

/// <summary>Validation and structural equality for the operand lists of -and / -or nodes.</summary>
internal static class OperandList
{
    public static IReadOnlyList<OPathNode> Create(IEnumerable<OPathNode> operands, string operatorText)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var list = operands.ToArray();
        if (list.Length < 2)
        {
            throw new ArgumentException($"{operatorText} needs at least two operands.", nameof(operands));
        }

        foreach (var operand in list)
        {
            ArgumentNullException.ThrowIfNull(operand, nameof(operands));
        }

        // A read-only wrapper so callers cannot cast back to the array and mutate a "immutable" record.
        return Array.AsReadOnly(list);
    }

    public static bool SequenceEqual(IReadOnlyList<OPathNode> left, IReadOnlyList<OPathNode> right) =>
        ReferenceEquals(left, right) || left.SequenceEqual(right);

    public static int GetHashCode(IReadOnlyList<OPathNode> operands, int seed)
    {
        var hash = new HashCode();
        hash.Add(seed);
        foreach (var operand in operands)
        {
            hash.Add(operand);
        }

        return hash.ToHashCode();
    }
}
