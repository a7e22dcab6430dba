namespace Mailroom.OPath.Parsing;

/// <summary>
/// Recursive-descent parser. Precedence, loosest first: -or, -and, -not, comparison, parentheses.
/// A whole filter may also be wrapped in one pair of braces, as in a PowerShell script block.
/// </summary>
internal sealed class OPathParser
{
    // Bounds recursion here and in the writer/compiler, so hostile input cannot overflow the stack.
    public const int MaxDepth = 100;

    private readonly OPathLexer _lexer;
    private readonly OPathSchema _schema;
    private Token _current;
    private int _depth;

    private OPathParser(string text, OPathSchema schema)
    {
        _lexer = new OPathLexer(text);
        _schema = schema;
        _current = _lexer.Next();
    }

    public static OPathNode Parse(string text, OPathSchema schema) => new OPathParser(text, schema).ParseFilter();

    private OPathNode ParseFilter()
    {
        if (_current.Kind == TokenKind.LeftBrace)
        {
            var open = Advance();
            var body = ParseOr();
            Expect(TokenKind.RightBrace, $"-and, -or or '}}' to close the '{{' at position {open.Position}");
            Expect(TokenKind.End, "end of filter after the closing '}'");
            return body;
        }

        var node = ParseOr();
        Expect(TokenKind.End, ParseErrors.AfterFilter);
        return node;
    }

    private OPathNode ParseOr()
    {
        var first = ParseAnd();
        if (_current.Kind != TokenKind.Or)
        {
            return first;
        }

        var operands = new List<OPathNode> { first };
        while (_current.Kind == TokenKind.Or)
        {
            Advance();
            operands.Add(ParseAnd());
        }

        return new OPathOrNode(operands);
    }

    private OPathNode ParseAnd()
    {
        var first = ParseUnary();
        if (_current.Kind != TokenKind.And)
        {
            return first;
        }

        var operands = new List<OPathNode> { first };
        while (_current.Kind == TokenKind.And)
        {
            Advance();
            operands.Add(ParseUnary());
        }

        return new OPathAndNode(operands);
    }

    private OPathNode ParseUnary()
    {
        if (_current.Kind != TokenKind.Not)
        {
            return ParsePrimary();
        }

        Enter(Advance());
        var operand = ParseUnary();
        _depth--;
        return new OPathNotNode(operand);
    }

    private OPathNode ParsePrimary()
    {
        switch (_current.Kind)
        {
            case TokenKind.LeftParen:
                var open = Advance();
                Enter(open);
                var inner = ParseOr();
                Expect(TokenKind.RightParen, $"-and, -or or ')' to close the '(' at position {open.Position}");
                _depth--;
                return inner;
            case TokenKind.Word:
                return ParseComparison();
            default:
                throw ParseErrors.Unexpected(ParseErrors.Term, _current);
        }
    }

    private OPathComparisonNode ParseComparison()
    {
        var property = Advance();
        if (!_schema.TryGetCanonicalName(property.Text, out var canonical))
        {
            throw ParseErrors.UnknownProperty(property, _schema);
        }

        if (_current.Kind != TokenKind.Comparison)
        {
            throw ParseErrors.Unexpected(ParseErrors.ComparisonOperator, _current);
        }

        var op = Advance().Operator;
        OPathValue value = _current.Kind switch
        {
            TokenKind.String or TokenKind.Word => new OPathStringValue(_current.Text),
            TokenKind.Integer => new OPathIntegerValue(_current.Integer),
            TokenKind.True => new OPathBooleanValue(true),
            TokenKind.False => new OPathBooleanValue(false),
            TokenKind.Null => OPathNullValue.Instance,
            _ => throw ParseErrors.Unexpected(ParseErrors.Value, _current),
        };
        Advance();
        return new OPathComparisonNode(canonical, op, value);
    }

    private void Enter(Token token)
    {
        if (++_depth > MaxDepth)
        {
            throw ParseErrors.TooDeep(token, MaxDepth);
        }
    }

    private void Expect(TokenKind kind, string expected)
    {
        if (_current.Kind != kind)
        {
            throw ParseErrors.Unexpected(expected, _current);
        }

        if (kind != TokenKind.End)
        {
            Advance();
        }
    }

    private Token Advance()
    {
        var token = _current;
        _current = _lexer.Next();
        return token;
    }
}
