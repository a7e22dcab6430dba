namespace Mailroom.OPath;

/// <summary><c>-not operand</c>.</summary>
public sealed record OPathNotNode : OPathNode
{
    public OPathNotNode(OPathNode operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        Operand = operand;
    }

    public OPathNode Operand { get; }
}
