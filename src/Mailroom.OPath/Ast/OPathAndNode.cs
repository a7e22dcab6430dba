namespace Mailroom.OPath;

/// <summary><c>a -and b -and ...</c>: true when every operand is true.</summary>
public sealed record OPathAndNode : OPathNode
{
    public OPathAndNode(params IEnumerable<OPathNode> operands)
    {
        Operands = OperandList.Create(operands, "-and");
    }

    /// <summary>Two or more operands, in source order.</summary>
    public IReadOnlyList<OPathNode> Operands { get; }

    public bool Equals(OPathAndNode? other) =>
        other is not null && OperandList.SequenceEqual(Operands, other.Operands);

    public override int GetHashCode() => OperandList.GetHashCode(Operands, 17);
}
