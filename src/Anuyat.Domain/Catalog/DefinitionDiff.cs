using System.Text.Json;
using System.Text.Json.Nodes;

namespace Anuyat.Domain.Catalog;

/// <summary>One difference between two versions: the path in the definition and its old and new values (JSON text).</summary>
public sealed record DefinitionChange(string Path, string? Old, string? New)
{
    public string Kind => Old is null ? "added" : New is null ? "removed" : "changed";
}

/// <summary>
/// A readable diff between two versions of a definition. Lists of items with a <c>code</c> or <c>name</c> are matched
/// by it (so inserting a document shows one added item, not every later item as changed).
/// </summary>
public static class DefinitionDiff
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<DefinitionChange> Compare(ServiceDefinition from, ServiceDefinition to)
    {
        var changes = new List<DefinitionChange>();
        Walk(Tree(from), Tree(to), string.Empty, changes);
        return changes;
    }

    private static JsonObject Tree(ServiceDefinition definition)
    {
        var node = JsonSerializer.SerializeToNode(definition, Options)!.AsObject();
        node.Remove("sourceFile");
        return node;
    }

    private static void Walk(JsonNode? a, JsonNode? b, string path, List<DefinitionChange> changes)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    Walk(x[key], y[key], path.Length == 0 ? key : $"{path}.{key}", changes);
                }

                break;
            case (JsonArray x, JsonArray y) when Keyed(x) is { } keysX && Keyed(y) is { } keysY:
                foreach (var key in keysX.Keys.Union(keysY.Keys))
                {
                    Walk(keysX.GetValueOrDefault(key), keysY.GetValueOrDefault(key), $"{path}[{key}]", changes);
                }

                break;
            case (JsonArray x, JsonArray y):
                for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
                {
                    Walk(i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, $"{path}[{i}]", changes);
                }

                break;
            default:
                var old = a?.ToJsonString();
                var now = b?.ToJsonString();
                if (old != now && !(IsEmpty(a) && IsEmpty(b)))
                {
                    changes.Add(new DefinitionChange(path, IsEmpty(a) ? null : old, IsEmpty(b) ? null : now));
                }

                break;
        }
    }

    private static bool IsEmpty(JsonNode? node) => node is null || (node is JsonArray { Count: 0 }) || (node is JsonObject { Count: 0 });

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static Dictionary<string, JsonNode?>? Keyed(JsonArray array)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            var key = item is JsonObject o ? (Text(o["code"]) ?? Text(o["name"])) : null;
            if (string.IsNullOrEmpty(key) || !result.TryAdd(key, item))
            {
                return null;
            }
        }

        return result;
    }
}
