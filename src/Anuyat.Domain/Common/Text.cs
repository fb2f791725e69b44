namespace Anuyat.Domain.Common;

/// <summary>A message in Thai and English; the page or API picks one by the reader's language.</summary>
public readonly record struct BilingualText(string Th, string En)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Th;

    public override string ToString() => Th;
}
