namespace Mailroom.OPath;

public enum OPathComparisonOperator
{
    Eq,
    Ne,
    Like,
    NotLike,
    Lt,
    Le,
    Gt,
    Ge,
}
