using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Anuyat.Domain.Catalog;

/// <summary>
/// Reads typed values out of the answers (a JSON object) for expressions; inside a table row, bare names are the
/// row's own fields first (so a tier can say <c>storeys &lt;= 2</c>).
/// </summary>
public sealed class AnswerScope
{
    private readonly ServiceDefinition _definition;
    private readonly JsonObject _root;
    private readonly FieldDefinition? _table;
    private readonly JsonObject? _row;

    public AnswerScope(ServiceDefinition definition, JsonObject root, FieldDefinition? table = null, JsonObject? row = null)
    {
        _definition = definition;
        _root = root;
        _table = table;
        _row = row;
    }

    public AnswerScope ForRow(FieldDefinition table, JsonObject row) => new(_definition, _root, table, row);

    public object? Value(IReadOnlyList<string> path)
    {
        if (_table is not null && _row is not null && _table.SubFields.FirstOrDefault(f => f.Name == path[0]) is { } own)
        {
            var target = path.Count == 1 ? own : Find(own.SubFields, path.Skip(1));
            return target is null ? null : AnswerValues.Typed(target, Walk(_row, path));
        }

        var field = _definition.Field(path);
        return field is null ? null : AnswerValues.Typed(field, Walk(_root, path));
    }

    public IReadOnlyList<JsonObject> Rows(string table) =>
        _root[table] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    public IReadOnlyList<decimal> Column(IReadOnlyList<string> path)
    {
        var column = _definition.Field(path);
        if (column is null)
        {
            return [];
        }

        return Rows(path[0]).Select(r => AnswerValues.Number(r[path[1]])).OfType<decimal>().ToList();
    }

    private static FieldDefinition? Find(List<FieldDefinition> fields, IEnumerable<string> rest)
    {
        FieldDefinition? current = null;
        foreach (var name in rest)
        {
            current = fields.FirstOrDefault(f => f.Name == name);
            if (current is null)
            {
                return null;
            }

            fields = current.SubFields;
        }

        return current;
    }

    private static JsonNode? Walk(JsonObject start, IReadOnlyList<string> path)
    {
        JsonNode? node = start;
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }
}

/// <summary>Converts one JSON answer into the value its field type means; null when absent or unreadable.</summary>
public static class AnswerValues
{
    public static object? Typed(FieldDefinition field, JsonNode? node) => field.Type switch
    {
        FieldTypes.Number or FieldTypes.Money => Number(node),
        FieldTypes.YesNo => YesNo(node),
        FieldTypes.Date => Date(node),
        _ => Text(node),
    };

    public static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            // A value built in memory (an int, a double) does not convert with TryGetValue<decimal>; its JSON text does.
            return value.TryGetValue<decimal>(out var d)
                ? d
                : decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var fromText) ? fromText : null;
        }

        // Form posts send text; "250" and "250.5" are numbers, "two hundred" is not.
        return value.TryGetValue<string>(out var s) && decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static bool? YesNo(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetValue<string>().Trim().ToUpperInvariant() switch
            {
                "TRUE" or "YES" => true,
                "FALSE" or "NO" => false,
                _ => null,
            },
            _ => null,
        };
    }

    public static DateOnly? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s)
            && DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static bool IsBlank(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        JsonValue v => v.GetValueKind() == JsonValueKind.Null,
        JsonArray a => a.Count == 0,
        _ => false,
    };
}
