using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Anuyat.Domain.Common;

namespace Anuyat.Domain.Catalog;

/// <summary>
/// Checks answers against a definition: each problem keyed by the field's path (<c>buildings[0].floorAreaM2</c>) with
/// a Thai and an English message. The same checks serve the fee estimator, the API and (later) the application form.
/// </summary>
public static partial class AnswerValidator
{
    /// <summary>All fields (for filing), or only those a fee quote reads (<paramref name="feeOnly"/>).</summary>
    public static Dictionary<string, BilingualText[]> Validate(ServiceDefinition definition, JsonObject answers, bool feeOnly = false)
    {
        var errors = new Dictionary<string, List<BilingualText>>(StringComparer.Ordinal);
        var scope = new AnswerScope(definition, answers);
        ValidateFields(definition, definition.Fields, answers, string.Empty, string.Empty, scope, feeOnly, errors);
        foreach (var check in definition.Checks)
        {
            if ((feeOnly && !IsFeeInput(definition, check.Path)) || errors.Keys.Any(k => k.StartsWith(check.Path, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!ExpressionEvaluator.IsTrue(definition.Expression(check.Assert), scope))
            {
                Add(errors, check.Path, check.Message.ToBilingual());
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static bool IsFeeInput(ServiceDefinition definition, string shapePath) =>
        definition.FeeInputs.Any(i => i == shapePath || i.StartsWith(shapePath + ".", StringComparison.Ordinal));

    private static void ValidateFields(
        ServiceDefinition definition,
        List<FieldDefinition> fields,
        JsonObject container,
        string prefix,
        string shapePrefix,
        AnswerScope scope,
        bool feeOnly,
        Dictionary<string, List<BilingualText>> errors)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            var shape = shapePrefix + field.Name;
            if (feeOnly && !IsFeeInput(definition, shape))
            {
                continue;
            }

            if (field.ShownWhen is not null && !ExpressionEvaluator.IsTrue(definition.Expression(field.ShownWhen), scope))
            {
                continue;
            }

            var node = container[field.Name];
            var required = field.Required || feeOnly
                || (field.RequiredWhen is not null && ExpressionEvaluator.IsTrue(definition.Expression(field.RequiredWhen), scope));
            var label = field.Label;
            if (AnswerValues.IsBlank(node))
            {
                if (required)
                {
                    Add(errors, path, new($"กรุณากรอก{label.Th}", $"{label.En} is required"));
                }

                continue;
            }

            switch (field.Type)
            {
                case FieldTypes.Number or FieldTypes.Money:
                    CheckNumber(field, node, path, errors);
                    break;
                case FieldTypes.YesNo when AnswerValues.YesNo(node) is null:
                    Add(errors, path, new($"{label.Th}: ตอบใช่หรือไม่ใช่", $"{label.En}: answer yes or no"));
                    break;
                case FieldTypes.Date when AnswerValues.Date(node) is null:
                    Add(errors, path, new($"{label.Th}: วันที่ไม่ถูกต้อง (ปปปป-ดด-วว)", $"{label.En}: not a date (yyyy-MM-dd)"));
                    break;
                case FieldTypes.Choice when field.Options.All(o => o.Value != AnswerValues.Text(node)):
                    Add(errors, path, new($"{label.Th}: เลือกจากรายการ ({Values(field)})", $"{label.En}: choose one of {Values(field)}"));
                    break;
                case FieldTypes.NationalId when !Identifiers.ThaiNationalId.Parse(AnswerValues.Text(node)).IsValid:
                    Add(errors, path, new($"{label.Th}: เลขประจำตัวประชาชน 13 หลักไม่ถูกต้อง", $"{label.En}: not a valid 13-digit Thai national ID"));
                    break;
                case FieldTypes.JuristicId when !Identifiers.JuristicId.Parse(AnswerValues.Text(node)).IsValid:
                    Add(errors, path, new($"{label.Th}: เลขทะเบียนนิติบุคคล 13 หลักไม่ถูกต้อง", $"{label.En}: not a valid 13-digit juristic person ID"));
                    break;
                case FieldTypes.Phone when !PhonePattern().IsMatch(Digits(AnswerValues.Text(node))):
                    Add(errors, path, new($"{label.Th}: หมายเลขโทรศัพท์ 9–10 หลัก ขึ้นต้นด้วย 0", $"{label.En}: a 9- or 10-digit Thai number starting with 0"));
                    break;
                case FieldTypes.Email when !EmailPattern().IsMatch(AnswerValues.Text(node) ?? string.Empty):
                    Add(errors, path, new($"{label.Th}: อีเมลไม่ถูกต้อง", $"{label.En}: not an e-mail address"));
                    break;
                case FieldTypes.Text when field.MaxLength is { } max && (AnswerValues.Text(node)?.Length ?? 0) > max:
                    Add(errors, path, new($"{label.Th}: ไม่เกิน {max} ตัวอักษร", $"{label.En}: at most {max} characters"));
                    break;
                case FieldTypes.Address or FieldTypes.Group:
                    if (node is not JsonObject group)
                    {
                        Add(errors, path, new($"{label.Th}: รูปแบบข้อมูลไม่ถูกต้อง", $"{label.En}: expected an object"));
                        break;
                    }

                    ValidateFields(definition, field.SubFields, group, path + ".", shape + ".", scope, feeOnly, errors);
                    if (field.Type == FieldTypes.Address)
                    {
                        CheckAddress(group, path, errors);
                    }

                    break;
                case FieldTypes.Table:
                    ValidateTable(definition, field, node, path, shape, scope, feeOnly, errors);
                    break;
                default:
                    break;
            }
        }
    }

    private static void ValidateTable(ServiceDefinition definition, FieldDefinition field, JsonNode? node, string path, string shape, AnswerScope scope, bool feeOnly, Dictionary<string, List<BilingualText>> errors)
    {
        if (node is not JsonArray rows)
        {
            Add(errors, path, new($"{field.Label.Th}: ต้องเป็นรายการ", $"{field.Label.En}: expected a list of rows"));
            return;
        }

        if (rows.Count < (field.MinRows ?? 1))
        {
            Add(errors, path, new($"{field.Label.Th}: อย่างน้อย {field.MinRows ?? 1} รายการ", $"{field.Label.En}: at least {field.MinRows ?? 1} row(s)"));
        }

        if (field.MaxRows is { } maxRows && rows.Count > maxRows)
        {
            Add(errors, path, new($"{field.Label.Th}: ไม่เกิน {maxRows} รายการ", $"{field.Label.En}: at most {maxRows} rows"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row)
            {
                Add(errors, $"{path}[{i}]", new("รูปแบบข้อมูลไม่ถูกต้อง", "expected an object"));
                continue;
            }

            ValidateFields(definition, field.Fields, row, $"{path}[{i}].", shape + ".", scope.ForRow(field, row), feeOnly, errors);
        }
    }

    private static void CheckNumber(FieldDefinition field, JsonNode? node, string path, Dictionary<string, List<BilingualText>> errors)
    {
        var label = field.Label;
        var value = AnswerValues.Number(node);
        var unit = field.Unit is null ? new LocalText() : field.Unit;
        if (value is null)
        {
            Add(errors, path, new($"{label.Th}: ต้องเป็นตัวเลข", $"{label.En}: must be a number"));
            return;
        }

        var min = field.Min ?? (field.Type == FieldTypes.Money ? 0 : null);
        if (min is { } low && value < low)
        {
            Add(errors, path, new($"{label.Th}: ต้องไม่น้อยกว่า {low:0.##} {unit.Th}".TrimEnd(), $"{label.En}: must be at least {low:0.##} {unit.En}".TrimEnd()));
        }
        else if (field.Max is { } high && value > high)
        {
            Add(errors, path, new($"{label.Th}: ต้องไม่เกิน {high:0.##} {unit.Th}".TrimEnd(), $"{label.En}: must be at most {high:0.##} {unit.En}".TrimEnd()));
        }
        else if (field.WholeNumber && value != decimal.Truncate(value.Value))
        {
            Add(errors, path, new($"{label.Th}: ต้องเป็นจำนวนเต็ม", $"{label.En}: must be a whole number"));
        }
    }

    private static void CheckAddress(JsonObject address, string path, Dictionary<string, List<BilingualText>> errors)
    {
        if (AnswerValues.Text(address["districtCode"]) is { } district && !DistrictPattern().IsMatch(district))
        {
            Add(errors, path + ".districtCode", new("รหัสเขตไม่ถูกต้อง (1001–1050)", "Not a Bangkok district code (1001–1050)"));
        }

        if (AnswerValues.Text(address["postcode"]) is { } postcode && !PostcodePattern().IsMatch(postcode))
        {
            Add(errors, path + ".postcode", new("รหัสไปรษณีย์ 5 หลัก ขึ้นต้นด้วย 10", "A 5-digit Bangkok postcode starting with 10"));
        }
    }

    private static string Values(FieldDefinition field) => string.Join(", ", field.Options.Select(o => o.Value));

    private static string Digits(string? text) => new((text ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());

    private static void Add(Dictionary<string, List<BilingualText>> errors, string path, BilingualText message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = [];
        }

        list.Add(message);
    }

    [GeneratedRegex("^0[0-9]{8,9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^10(0[1-9]|[1-4][0-9]|50)$")]
    private static partial Regex DistrictPattern();

    [GeneratedRegex("^10[0-9]{3}$")]
    private static partial Regex PostcodePattern();
}
