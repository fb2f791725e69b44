using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Organisation;

namespace Anuyat.Web.Features.Filing;

/// <summary>One question to render: the field, where its answer lives, what is stored, and its error or note.</summary>
/// <param name="Path">The answer path (<c>site.postcode</c>); the input is named <c>a.</c> + the path.</param>
public sealed record QuestionModel(FieldDefinition Field, string Path, JsonNode? Value, string? Error, string? Note, IReadOnlyList<District> Districts)
{
    public string Name => FilingForm.Prefix + Path;

    public string Id => FilingForm.Id(Name);

    public string? Text => FilingForm.Display(Field, Value);

    public string? DescribedBy =>
        string.Join(' ', new[] { Field.Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error", Note is null ? null : Id + "-note" }.Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;
}
