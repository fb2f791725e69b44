using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Anuyat.Web.Platform;

/// <summary>
/// One labelled input with its hint and error, rendered by <c>Features/Shared/_Field.cshtml</c>. The id is the
/// field's path with dots as underscores, so the error summary can link to it.
/// </summary>
public sealed record FieldModel(string Name, string Label, string? Value, string Type = "text")
{
    public string? Hint { get; init; }

    public string? Error { get; init; }

    public string? Autocomplete { get; init; }

    public string? InputMode { get; init; }

    public bool Required { get; init; }

    public string Id => Name.Replace('.', '_');

    public static FieldModel From(ModelStateDictionary state, string name, string label, string? value, string type = "text")
    {
        var error = state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

        // After a failed post, show exactly what the person typed, never a reset field.
        var attempted = entry?.AttemptedValue;
        return new FieldModel(name, label, type == "password" ? null : attempted ?? value, type) { Error = error };
    }
}
