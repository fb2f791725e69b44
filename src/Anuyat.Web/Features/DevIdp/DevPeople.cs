namespace Anuyat.Web.Features.DevIdp;

/// <summary>
/// Synthetic people the development identity provider can sign in as. National IDs are made up but carry a valid
/// check digit; one deliberately does not, to show that a bad <c>pid</c> is refused. Claim shapes follow what
/// public ThaiD integrations use (FACTS.md §6.3): <c>pid</c>, Thai given and family names, <c>birthdate</c>, <c>address</c>.
/// </summary>
public static class DevPeople
{
    public sealed record Person(string Subject, string Pid, string GivenName, string FamilyName, string BirthDate, string? Email, DevAddress Address);

    public sealed record DevAddress(string HouseNo, string? Soi, string? Road, string Subdistrict, string District, string PostalCode)
    {
        public string Formatted => string.Join(' ', new[] { HouseNo, Soi is null ? null : "ซอย" + Soi, Road is null ? null : "ถนน" + Road, "แขวง" + Subdistrict, District, "กรุงเทพมหานคร", PostalCode }.Where(p => p is not null));
    }

    public static readonly IReadOnlyList<Person> All =
    [
        new("dev-somsri", "3101200145678", "สมศรี", "รักไทย", "1979-08-12", "somsri@example.test",
            new("45/7", "สุขุมวิท 31", "สุขุมวิท", "คลองตันเหนือ", "เขตวัฒนา", "10110")),
        new("dev-prasert", "1100500876549", "ประเสริฐ", "มั่นคง", "1992-01-30", null,
            new("128", null, "ลาดพร้าว", "จอมพล", "เขตจตุจักร", "10900")),
        new("dev-wanida", "5102099001235", "วนิดา", "ศรีสุข", "1965-11-05", "wanida@example.test",
            new("9", "อ่อนนุช 17", "อ่อนนุช", "สวนหลวง", "เขตสวนหลวง", "10250")),
        new("dev-badpid", "1234567890123", "ทดสอบ", "เลขผิด", "2000-01-01", null,
            new("1", null, null, "พระบรมมหาราชวัง", "เขตพระนคร", "10200")),
    ];
}
