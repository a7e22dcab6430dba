using Op = Mailroom.OPath.OPathComparisonOperator;

namespace Mailroom.OPath.Tests;

public class AstTests
{
    private static readonly OPathComparisonNode A = new("Department", Op.Eq, new OPathStringValue("a"));
    private static readonly OPathComparisonNode B = new("Title", Op.Ne, new OPathIntegerValue(1));

    [Fact]
    public void LogicalNodesCompareTheirOperandsStructurally()
    {
        var left = new OPathAndNode(A, new OPathNotNode(B));
        var right = new OPathAndNode(new List<OPathNode> { A with { }, new OPathNotNode(B with { }) });

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual<OPathNode>(left, new OPathOrNode(A, new OPathNotNode(B)));
        Assert.NotEqual(left, new OPathAndNode(new OPathNotNode(B), A));
    }

    [Fact]
    public void LogicalNodesNeedTwoOperands()
    {
        Assert.Throws<ArgumentException>(() => new OPathAndNode(A));
        Assert.Throws<ArgumentException>(() => new OPathOrNode());
    }

    [Fact]
    public void OperandListsCannotBeMutatedThroughACast()
    {
        var node = new OPathOrNode(A, B);

        Assert.False(node.Operands is OPathNode[]);
        Assert.Throws<NotSupportedException>(() => ((IList<OPathNode>)node.Operands)[0] = B);
    }

    [Theory]
    [InlineData("it's", "'it''s'")]
    [InlineData("", "''")]
    [InlineData("\"q\"", "'\"q\"'")]
    public void StringValuesPrintSingleQuoted(string value, string expected)
    {
        Assert.Equal(expected, new OPathStringValue(value).ToString());
    }

    [Fact]
    public void OtherValuesPrintAsLiterals()
    {
        Assert.Equal("$null", OPathNullValue.Instance.ToString());
        Assert.Equal("$true", new OPathBooleanValue(true).ToString());
        Assert.Equal("$false", new OPathBooleanValue(false).ToString());
        Assert.Equal("-42", new OPathIntegerValue(-42).ToString());
    }

    [Fact]
    public void ComparisonNodesValidateTheirArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OPathComparisonNode("Title", (Op)99, OPathNullValue.Instance));
        Assert.Throws<ArgumentException>(() => new OPathComparisonNode(" ", Op.Eq, OPathNullValue.Instance));
        Assert.Throws<ArgumentNullException>(() => new OPathStringValue(null!));
    }
}
