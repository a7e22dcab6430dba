namespace Mailroom.OPath;

/// <summary><c>Property -op Value</c>, with the property in its schema spelling.</summary>
public sealed record OPathComparisonNode : OPathNode
{
    public OPathComparisonNode(string property, OPathComparisonOperator @operator, OPathValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        if (!Enum.IsDefined(@operator))
        {
            throw new ArgumentOutOfRangeException(nameof(@operator), @operator, "Unknown comparison operator.");
        }

        ArgumentNullException.ThrowIfNull(value);
        Property = property;
        Operator = @operator;
        Value = value;
    }

    public string Property { get; }

    public OPathComparisonOperator Operator { get; }

    public OPathValue Value { get; }
}
