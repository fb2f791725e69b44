using System.Globalization;

namespace Anuyat.Web.Features.Demo;

/// <summary>Synthetic people: common Thai given names and surnames combined at random, and national ID numbers with a valid check digit.</summary>
public static class DemoPeople
{
    private static readonly string[] GivenNames =
    [
        "สมชาย", "สมศักดิ์", "สมหญิง", "สุดา", "วิชัย", "ประเสริฐ", "มาลี", "สุนทร", "กมล", "ธนพล",
        "ณัฐพล", "ปิยะนุช", "กิตติ", "อรุณี", "ชัยวัฒน์", "นภา", "พรทิพย์", "วันชัย", "ศิริพร", "อนุชา",
        "จิราพร", "ธีรวัฒน์", "รัตนา", "สุรชัย", "เพ็ญศรี", "บุญมี", "ทองดี", "วราภรณ์", "ปกรณ์", "ชนิดา",
        "อภิชาติ", "สายสุนีย์", "ภานุวัฒน์", "กาญจนา", "ศักดิ์ชัย", "ดวงใจ", "ไพโรจน์", "ลำดวน", "เกศินี", "ธนากร",
    ];

    private static readonly string[] Surnames =
    [
        "ใจดี", "ศรีสุข", "รักไทย", "มั่นคง", "ทองคำ", "แสงอรุณ", "บุญเรือง", "วงศ์สวัสดิ์", "สุขสวัสดิ์", "เจริญผล",
        "พงษ์พานิช", "ศรีวงศ์", "ชัยมงคล", "อินทรสุวรรณ", "สมบูรณ์ทรัพย์", "กิตติวงศ์", "ปัญญาดี", "แก้วมณี", "นาคสวัสดิ์", "ธนสาร",
        "วัฒนากุล", "จันทร์เพ็ญ", "เรืองศรี", "บุญประเสริฐ", "ทรัพย์มาก", "ศรีอ่อน", "สุวรรณรัตน์", "พูลสวัสดิ์", "มีสุข", "ดีประเสริฐ",
    ];

    public sealed record Person(string FirstName, string LastName, string NationalId, string Phone)
    {
        public string FullName => FirstName + " " + LastName;
    }

    public static Person Make(ref DemoRandom random)
    {
        var first = random.Pick(GivenNames);
        var last = random.Pick(Surnames);
        return new Person(first, last, NationalId(ref random), Phone(ref random));
    }

    /// <summary>13 digits: a first digit 1–8 (the registration categories), 11 random digits and the mod-11 check digit (FACTS.md §6.1).</summary>
    public static string NationalId(ref DemoRandom random)
    {
        Span<char> digits = stackalloc char[13];
        digits[0] = (char)('1' + random.Next(8));
        for (var i = 1; i < 12; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (13 - i);
        }

        digits[12] = (char)('0' + ((11 - (sum % 11)) % 10));
        return new string(digits);
    }

    private static string Phone(ref DemoRandom random) =>
        string.Create(CultureInfo.InvariantCulture, $"0{random.Pick(Mobile)}{random.Next(10_000_000):D7}");

    private static readonly string[] Mobile = ["81", "82", "86", "89", "91", "92", "95", "98"];
}
