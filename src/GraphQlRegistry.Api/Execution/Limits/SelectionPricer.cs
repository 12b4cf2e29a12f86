using System.Globalization;
using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// Prices the expanded selection of operations: a field costs 1 plus its selection times its page size (a field with
/// a <c>first</c> argument, or one that pages by default, multiplies by it), and has the depth of its deepest field.
/// Each fragment is priced once and remembered, so the work is linear in the document's size.
/// </summary>
internal sealed class SelectionPricer
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Measure> _priced = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pricing = new(StringComparer.Ordinal);
    private readonly GraphQLOperationDefinition? _selected;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly QueryLimits _limits;
    private DocumentLimit _exceeded = DocumentLimit.None;

    public SelectionPricer(GraphQLDocument document, GraphQLOperationDefinition? selected, IReadOnlyDictionary<string, object?>? variables, QueryLimits limits)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A duplicated name is refused by validation; the first definition is priced meanwhile.
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        _selected = selected;
        _variables = variables;
        _limits = limits;
    }

    public DocumentLimit Price(GraphQLOperationDefinition operation)
    {
        Selections(operation.SelectionSet);
        return _exceeded;
    }

    private readonly record struct Measure(long Cost, int Depth);

    private Measure Selections(GraphQLSelectionSet? set)
    {
        long cost = 0;
        var depth = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            var measure = selection switch
            {
                GraphQLField field => Field(field),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                GraphQLInlineFragment inline => Selections(inline.SelectionSet),
                _ => default,
            };
            if (_exceeded != DocumentLimit.None)
            {
                return default;
            }

            cost = Saturating.Add(cost, measure.Cost);
            depth = Math.Max(depth, measure.Depth);
            if (cost > _limits.MaxCost)
            {
                _exceeded = DocumentLimit.Cost;
                return default;
            }
        }

        return new Measure(cost, depth);
    }

    private Measure Field(GraphQLField field)
    {
        var inner = Selections(field.SelectionSet);
        if (_exceeded != DocumentLimit.None)
        {
            return default;
        }

        var measure = new Measure(Saturating.Add(1, Saturating.Multiply(inner.Cost, PageSize(field))), inner.Depth + 1);
        if (measure.Depth > _limits.MaxDepth)
        {
            _exceeded = DocumentLimit.Depth;
        }
        else if (measure.Cost > _limits.MaxCost)
        {
            _exceeded = DocumentLimit.Cost;
        }

        return measure;
    }

    private Measure Fragment(string name)
    {
        if (_priced.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment))
        {
            // An unknown fragment adds nothing; validation refuses the document.
            return default;
        }

        if (!_pricing.Add(name))
        {
            _exceeded = DocumentLimit.FragmentCycle;
            return default;
        }

        var measure = Selections(fragment.SelectionSet);
        _pricing.Remove(name);
        _priced[name] = measure;
        return measure;
    }

    /// <summary>How many times a field's selection may be repeated in the response: 1, or its page size (1 to the spec's maximum).</summary>
    private long PageSize(GraphQLField field)
    {
        var first = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == DocumentLimits.PageSizeArgument);
        if (first is null)
        {
            return _limits.DefaultPageSizes.TryGetValue(field.Name.StringValue, out var size) ? Math.Clamp(size, 1, _limits.MaxPageSize) : 1;
        }

        var requested = first.Value switch
        {
            GraphQLIntValue literal => IntegerOf(literal.Value.Span),
            GraphQLVariable variable => VariableValue(variable.Name.StringValue),
            _ => null,
        };
        var fallback = _limits.DefaultPageSizes.TryGetValue(field.Name.StringValue, out var byDefault) ? byDefault : _limits.MaxPageSize;
        return Math.Clamp(requested ?? fallback, 1, _limits.MaxPageSize);
    }

    private long? VariableValue(string name)
    {
        if (_variables is not null && _variables.TryGetValue(name, out var value) && value is not null)
        {
            return value switch
            {
                int i => i,
                long l => l,
                // A number that is not an integer is refused by the executor; price it at the maximum meanwhile.
                _ => _limits.MaxPageSize,
            };
        }

        var definition = _selected?.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == name);
        return definition?.DefaultValue is GraphQLIntValue literal ? IntegerOf(literal.Value.Span) : null;
    }

    private long IntegerOf(ReadOnlySpan<char> digits) =>
        long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : _limits.MaxPageSize;
}
