using System.Buffers.Binary;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Makes the copy of a TrueType font that PDFs embed. SkiaSharp's PDF backend embeds the whole font file in every
/// document (its build has no subsetter) and deflates it each time: for Sarabun that was about 2.5 ms of processor per
/// face per PDF, the largest single cost of a permit. The embedded copy needs only what draws glyphs and maps them
/// back to text (glyf, loca, cmap, hmtx, head, hhea, maxp, OS/2, name…). The OpenType layout tables (GSUB, GPOS,
/// GDEF) are HarfBuzz's business, and HarfBuzz shapes from the untouched file, so the glyph ids and positions in the
/// PDF are the same; the glyph names in 'post' are replaced by a version 3 header (no names), which PDF readers do not
/// need for an Identity-H font with a ToUnicode map. Glyph ids are unchanged because glyf and loca are untouched.
/// </summary>
internal static class PdfFontTables
{
    private static readonly HashSet<string> LayoutOnly = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG"];

    /// <summary>
    /// The font without its layout tables and glyph names, or the input unchanged if it is not a plain TrueType file
    /// (a collection or CFF-flavoured font is left as it is).
    /// </summary>
    public static byte[] ForEmbedding(byte[] font)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) != 0x00010000)
        {
            return font;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        if (font.Length < 12 + (16 * count))
        {
            return font;
        }

        var tables = new List<(string Tag, byte[] Data)>();
        for (var i = 0; i < count; i++)
        {
            var entry = font.AsSpan(12 + (16 * i), 16);
            var tag = System.Text.Encoding.ASCII.GetString(entry[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            if (offset < 0 || length < 0 || (long)offset + length > font.Length)
            {
                return font;
            }

            if (LayoutOnly.Contains(tag))
            {
                continue;
            }

            var data = font.AsSpan(offset, length).ToArray();
            if (tag == "post" && data.Length >= 32)
            {
                // Version 3.0: the same italic angle, underline and fixed-pitch fields, no glyph names.
                data = data[..32];
                BinaryPrimitives.WriteUInt32BigEndian(data, 0x00030000);
            }

            tables.Add((tag, data));
        }

        tables.Sort((a, b) => string.CompareOrdinal(a.Tag, b.Tag));
        return Write(tables);
    }

    /// <summary>
    /// The font with the outlines of every glyph outside <paramref name="used"/> emptied, glyph ids unchanged: what
    /// one document embeds. Glyph 0 (.notdef) and the components of kept composite glyphs are always kept. The other
    /// tables stay as they are (hmtx, cmap…), so metrics and the text mapping are those of the whole font. Returns the
    /// input unchanged if the file is not a plain TrueType font with glyf and loca.
    /// </summary>
    public static byte[] KeepOnlyGlyphs(byte[] font, IReadOnlySet<ushort> used)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(used);
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) != 0x00010000)
        {
            return font;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new List<(string Tag, byte[] Data)>();
        for (var i = 0; i < count; i++)
        {
            var entry = font.AsSpan(12 + (16 * i), 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            if (offset < 0 || length < 0 || (long)offset + length > font.Length)
            {
                return font;
            }

            tables.Add((System.Text.Encoding.ASCII.GetString(entry[..4]), font.AsSpan(offset, length).ToArray()));
        }

        var head = tables.FindIndex(t => t.Tag == "head");
        var maxp = tables.FindIndex(t => t.Tag == "maxp");
        var loca = tables.FindIndex(t => t.Tag == "loca");
        var glyf = tables.FindIndex(t => t.Tag == "glyf");
        if (head < 0 || maxp < 0 || loca < 0 || glyf < 0 || tables[head].Data.Length < 54 || tables[maxp].Data.Length < 6)
        {
            return font;
        }

        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(tables[maxp].Data.AsSpan(4));
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(tables[head].Data.AsSpan(50)) == 1;
        var locaData = tables[loca].Data;
        var glyfData = tables[glyf].Data;
        if (locaData.Length < (glyphCount + 1) * (longLoca ? 4 : 2))
        {
            return font;
        }

        int Start(int glyph) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(locaData.AsSpan(glyph * 4))
            : BinaryPrimitives.ReadUInt16BigEndian(locaData.AsSpan(glyph * 2)) * 2;

        // The glyphs to keep: the used ones, .notdef, and, transitively, the components of composite glyphs.
        var keep = new bool[glyphCount];
        var pending = new Stack<int>(used.Where(g => g < glyphCount).Select(g => (int)g).Append(0));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (keep[glyph])
            {
                continue;
            }

            keep[glyph] = true;
            var (start, end) = (Start(glyph), Start(glyph + 1));
            if (end - start < 10 || end > glyfData.Length || BinaryPrimitives.ReadInt16BigEndian(glyfData.AsSpan(start)) >= 0)
            {
                continue; // empty or a simple glyph
            }

            // A composite glyph: flags, glyph index, arguments and an optional transform per component.
            var at = start + 10;
            while (at + 4 <= end)
            {
                var flags = BinaryPrimitives.ReadUInt16BigEndian(glyfData.AsSpan(at));
                var component = BinaryPrimitives.ReadUInt16BigEndian(glyfData.AsSpan(at + 2));
                if (component < glyphCount)
                {
                    pending.Push(component);
                }

                at += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
                at += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
                if ((flags & 0x0020) == 0)
                {
                    break;
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyph * 4), (uint)newGlyf.Length);
            var (start, end) = (Start(glyph), Start(glyph + 1));
            if (keep[glyph] && end > start && end <= glyfData.Length)
            {
                newGlyf.Write(glyfData, start, end - start);
                newGlyf.Write(new byte[Pad(end - start) - (end - start)]);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(tables[head].Data.AsSpan(50), 1); // indexToLocFormat: long offsets
        tables[loca] = ("loca", newLoca);
        tables[glyf] = ("glyf", newGlyf.ToArray());
        tables.Sort((a, b) => string.CompareOrdinal(a.Tag, b.Tag));
        return Write(tables);
    }

    private static byte[] Write(List<(string Tag, byte[] Data)> tables)
    {
        var count = tables.Count;
        var headerLength = 12 + (16 * count);
        var total = headerLength + tables.Sum(t => Pad(t.Data.Length));
        var output = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(output, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)count);
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(10), (ushort)((count * 16) - (power * 16)));

        var offset = headerLength;
        var headOffset = -1;
        for (var i = 0; i < count; i++)
        {
            var (tag, data) = tables[i];
            if (tag == "head" && data.Length >= 12)
            {
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0); // checkSumAdjustment, set below
                headOffset = offset;
            }

            data.CopyTo(output, offset);
            var entry = output.AsSpan(12 + (16 * i), 16);
            System.Text.Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(output.AsSpan(offset, Pad(data.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            offset += Pad(data.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(output)));
        }

        return output;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }
}
