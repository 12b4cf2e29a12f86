using System.Collections.Frozen;

namespace GraphQlRegistry.Policy.Fields;

/// <summary>
/// The frozen table of field rules, built once from the schema's directives. Building it reports every problem
/// of the definitions together, so a broken schema fails start-up with the whole list.
/// </summary>
public sealed class RuleTable
{
    private const int MaxGrantableFields = 64;

    private readonly FrozenDictionary<string, FieldRule> _byCoordinate;

    private RuleTable(IEnumerable<FieldRule> rules)
    {
        _byCoordinate = rules.ToFrozenDictionary(rule => rule.Coordinate, StringComparer.Ordinal);
        Grantable = _byCoordinate.Values.Where(rule => rule.IsGrantable).OrderBy(rule => rule.GrantBit).ToArray();
    }

    /// <summary>The fields a grant can list, in schema order.</summary>
    public IReadOnlyList<FieldRule> Grantable { get; }

    public FieldRule? Find(string coordinate) => _byCoordinate.GetValueOrDefault(coordinate);

    public FieldRule this[string coordinate] =>
        Find(coordinate) ?? throw new KeyNotFoundException($"No field rule for '{coordinate}'.");

    /// <summary>The grant bit set for the listed coordinates; unknown or non-grantable coordinates are ignored (they grant nothing).</summary>
    public GrantedFields Grant(IEnumerable<string> coordinates)
    {
        var bits = 0UL;
        foreach (var coordinate in coordinates)
        {
            if (Find(coordinate) is { IsGrantable: true } rule)
            {
                bits |= 1UL << rule.GrantBit;
            }
        }

        return new GrantedFields(bits);
    }

    public static RuleTable Create(IEnumerable<FieldRuleDefinition> definitions)
    {
        var list = definitions.ToList();
        var problems = new List<string>();

        foreach (var duplicate in list.GroupBy(d => d.Coordinate).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Key}: described {duplicate.Count()} times.");
        }

        foreach (var definition in list.Where(d => d.Rules.Any(rule => rule.OrgTypes.Bits == 0)))
        {
            problems.Add($"{definition.Coordinate}: an @entitled rule names no organisation type.");
        }

        foreach (var definition in list.Where(d => d.Rules.Count > 0 && d.ComparesTo is not null))
        {
            problems.Add($"{definition.Coordinate}: has both @entitled rules and a compared field; it must have one.");
        }

        var grantable = list.Where(d => d.Rules.Count > 0).DistinctBy(d => d.Coordinate).ToList();
        if (grantable.Count > MaxGrantableFields)
        {
            problems.Add($"{grantable.Count} grantable fields; a grant holds at most {MaxGrantableFields}.");
        }

        var rules = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        for (var bit = 0; bit < grantable.Count && bit < MaxGrantableFields; bit++)
        {
            var definition = grantable[bit];
            rules[definition.Coordinate] = new FieldRule(definition.Coordinate, bit, definition.Rules, definition.WhenPartial, null);
        }

        foreach (var definition in list.Where(d => d.Rules.Count == 0).DistinctBy(d => d.Coordinate))
        {
            FieldRule? comparesTo = null;
            if (definition.ComparesTo is { } target && !rules.TryGetValue(target, out comparesTo))
            {
                problems.Add($"{definition.Coordinate}: compares to '{target}', which is not a grantable field.");
            }

            rules[definition.Coordinate] = new FieldRule(definition.Coordinate, -1, [], definition.WhenPartial, comparesTo);
        }

        return problems.Count == 0 ? new RuleTable(rules.Values) : throw new RuleTableException(problems);
    }
}

public sealed class RuleTableException(IReadOnlyList<string> problems)
    : Exception("The schema's field rules are inconsistent:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
