using System.Text;

namespace Anuyat.Domain.Payments.ThaiQr;

/// <summary>
/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR — the checksum of EMVCo
/// QR payloads (tag 63), taken over the whole payload including the "6304" that introduces it.
/// </summary>
public static class Crc16
{
    public static ushort CcittFalse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }

        return (ushort)(crc & 0xFFFF);
    }

    /// <summary>The CRC as 4 upper-case hex digits, as written in tag 63.</summary>
    public static string Hex(string text) => CcittFalse(text).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
