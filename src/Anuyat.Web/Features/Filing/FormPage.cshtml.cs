using System.Text.Json.Nodes;
using Anuyat.Domain.Catalog;
using Anuyat.Domain.Common;
using Anuyat.Infrastructure.Accounts;
using Anuyat.Infrastructure.Persistence;
using Anuyat.Web.Features.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Anuyat.Web.Features.Filing;

/// <summary>
/// One page of the generated form. Every post saves the draft, valid or not (nothing typed is ever lost); problems
/// are shown beside their fields and in the error summary. "Save and come back later" saves without moving on.
/// </summary>
public sealed class FormPageModel(AnuyatDbContext db, CatalogStore catalog, Subdistricts subdistricts, UserManager<Account> users, TimeProvider clock) : DraftPageModel(db, catalog)
{
    public FormPage Current { get; private set; } = null!;

    public Subdistricts Subdistricts => subdistricts;

    /// <summary>Whether the person has posted this page (errors show only after they tried).</summary>
    public bool Posted { get; private set; }

    public Dictionary<string, BilingualText> Notes { get; } = new(StringComparer.Ordinal);

    /// <summary>Offered when the account does not yet hold the applicant's details.</summary>
    public bool OfferProfileSave { get; private set; }

    /// <summary>A failed cross-field check that points to another service (ข.1 at 300 m² or more).</summary>
    public (AnswerCheck Check, ServiceDefinition Service)? OtherService { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct, allowCorrection: true) is { } result)
        {
            return result;
        }

        if (Find(number) is { } missing)
        {
            return missing;
        }

        Posted = Request.Query.ContainsKey("errors");
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int number, string? go, string? returnTo, bool saveProfile, CancellationToken ct)
    {
        if (await LoadAsync(id, allowSent: false, ct, allowCorrection: true) is { } result)
        {
            return result;
        }

        if (Find(number) is { } missing)
        {
            return missing;
        }

        foreach (var (path, note) in FilingForm.Bind(Current.Fields, Answers, Request.Form, string.Empty))
        {
            Notes[path] = note;
        }

        Errors = AddressErrors(subdistricts, Definition, Answers, AnswerValidator.Validate(Definition, Answers));
        await SaveAnswersAsync(clock, ct);
        Errors = AddressErrors(subdistricts, Definition, Answers, Errors);
        if (saveProfile)
        {
            await SaveToProfileAsync();
        }

        if (go == "later")
        {
            return Redirect("/applications?saved=" + Application.Id);
        }

        Posted = true;
        if (Errors.Keys.Any(Current.Owns) || Notes.Count > 0)
        {
            // Show the problems, or the converted date, on the same page; the answers are already saved.
            await PrepareAsync();
            foreach (var (path, messages) in Errors.Where(e => Current.Owns(e.Key)))
            {
                ModelState.AddModelError(FilingForm.Prefix + path, Platform.Text.T(messages[0]));
            }

            return Page();
        }

        if (Correcting && returnTo == "check")
        {
            return Redirect($"/applications/{id}#tasks");
        }

        if (returnTo == "check")
        {
            return Redirect($"/drafts/{id}/check");
        }

        var next = ShownPages.FirstOrDefault(p => p.Number > number);
        if (next is null)
        {
            // A correction ends back at the deficiency record's task list, where the file is sent back once.
            return Redirect(Correcting ? $"/applications/{id}#tasks" : $"/drafts/{id}/documents");
        }

        return Redirect($"/drafts/{id}/page/{next.Number}");
    }

    public QuestionModel Question(FieldDefinition field, string path, JsonNode? value) =>
        new(field, path, value, Posted ? ErrorFor(path) : null, Notes.TryGetValue(path, out var note) ? Platform.Text.T(note) : null, Catalog.Districts);

    public bool IsShown(FieldDefinition field) => FilingForm.IsShown(Definition, field, new AnswerScope(Definition, Answers));

    /// <summary>The address rule the catalog cannot know: the subdistrict must be in the chosen district and match the postcode.</summary>
    public static Dictionary<string, BilingualText[]> AddressErrors(Subdistricts subdistricts, ServiceDefinition definition, JsonObject answers, Dictionary<string, BilingualText[]> errors)
    {
        foreach (var field in definition.Fields.Where(f => f.Type == FieldTypes.Address))
        {
            if (answers[field.Name] is JsonObject address)
            {
                foreach (var (part, message) in subdistricts.Check(AnswerValues.Text(address["districtCode"]), AnswerValues.Text(address["subdistrict"]), AnswerValues.Text(address["postcode"])))
                {
                    var key = $"{field.Name}.{part}";
                    if (!errors.ContainsKey(key))
                    {
                        errors[key] = [message];
                    }
                }
            }
        }

        return errors;
    }

    private NotFoundResult? Find(int number)
    {
        var page = Pages.FirstOrDefault(p => p.Number == number);
        if (page is null)
        {
            return NotFound();
        }

        Current = page;
        return null;
    }

    private async Task PrepareAsync()
    {
        Errors = AddressErrors(subdistricts, Definition, Answers, Errors);
        var scope = new AnswerScope(Definition, Answers);
        foreach (var check in Definition.Checks.Where(c => c.OtherService is not null && Current.Owns(c.Path)))
        {
            if (!ExpressionEvaluator.IsTrue(Definition.Expression(check.Assert), scope) && CatalogSetup.Find(Catalog, check.OtherService!, null, null) is { } other)
            {
                OtherService = (check, other);
            }
        }

        if (Current.Fields.Any(f => f.Name == "applicant") && !AtCounter)
        {
            var account = await users.GetUserAsync(User);
            OfferProfileSave = account is not null && (account.Profile.NationalId is null || account.Profile.FirstName is null);
        }
    }

    /// <summary>"Never ask twice": with the person's consent, what they typed fills the empty parts of their profile.</summary>
    private async Task SaveToProfileAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null || AtCounter || account.Id != Application.ApplicantAccountId || Answers["applicant"] is not JsonObject applicant)
        {
            return;
        }

        var profile = account.Profile;
        var nationalId = AnswerValues.Text(applicant["nationalId"]);
        if (profile.NationalId is null && nationalId is not null && !Errors.ContainsKey("applicant.nationalId"))
        {
            profile.NationalId = nationalId;
        }

        profile.FirstName ??= Errors.ContainsKey("applicant.firstName") ? null : AnswerValues.Text(applicant["firstName"]);
        profile.LastName ??= Errors.ContainsKey("applicant.lastName") ? null : AnswerValues.Text(applicant["lastName"]);
        profile.Source ??= "self";
        if (string.IsNullOrEmpty(account.PhoneNumber) && AnswerValues.Text(applicant["phone"]) is { } phone && !Errors.ContainsKey("applicant.phone"))
        {
            account.PhoneNumber = phone;
        }

        await users.UpdateAsync(account);
    }
}
