using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Anuyat.Web.Features.Admin;

/// <summary>A labelled drop-down with its error, rendered by <c>_AdminSelect.cshtml</c> like <c>_Field</c> renders an input.</summary>
public sealed record SelectModel(string Name, string Label, string? Value, IReadOnlyList<(string Value, string Text)> Options)
{
    public string? Error { get; init; }

    public string? Hint { get; init; }

    public string Id => Name.Replace('.', '_');

    public static SelectModel From(ModelStateDictionary state, string name, string label, string? value, IReadOnlyList<(string Value, string Text)> options)
    {
        var error = state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        return new SelectModel(name, label, entry?.AttemptedValue ?? value, options) { Error = error };
    }
}
