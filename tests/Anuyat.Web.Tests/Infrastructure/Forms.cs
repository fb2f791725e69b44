using AngleSharp;
using AngleSharp.Html.Dom;

namespace Anuyat.Web.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser without JavaScript would (anti-forgery token included).</summary>
public static class Forms
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} → {(int)response.StatusCode}");
        }

        return await ParseAsync(html, url);
    }

    public static async Task<IHtmlDocument> ParseAsync(string html, string url = "/")
    {
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address("http://localhost" + url));
        return (IHtmlDocument)document;
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri?.PathAndQuery ?? "/");

    /// <summary>Fills the first form on the page whose fields include all given names (or the form matched by selector) and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, IDictionary<string, string> values, string? formSelector = null)
    {
        var form = formSelector is null
            ? page.Forms.FirstOrDefault(f => values.Keys.All(k => f.Elements.OfType<IHtmlElement>().Any(e => e.GetAttribute("name") == k))) ?? page.Forms[page.Forms.Length - 1]
            : (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (values.ContainsKey(input.Name!) || input.Type is "submit" or "button")
            {
                continue;
            }

            if (input.Type is "checkbox" or "radio")
            {
                if (input.IsChecked)
                {
                    fields.Add(new(input.Name!, input.Value));
                }

                continue;
            }

            fields.Add(new(input.Name!, input.Value));
        }

        fields.AddRange(values);
        var target = new Uri(form.Action).PathAndQuery;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}

public static class Redirects
{
    /// <summary>Where a redirect points, as a local path and query, whether the header was absolute or relative.</summary>
    public static string LocationPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"no Location header ({(int)response.StatusCode})");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
