using QRCoder;
using SkiaSharp;

namespace Anuyat.Infrastructure.Pdf;

/// <summary>
/// Builds an A4 PDF from blocks laid out top to bottom: a header (office, title), headings, wrapped paragraphs,
/// key–value rows, tables, QR codes. Page breaks are automatic and every page gets a footer "หน้า 1/2 · Page 1 of 2".
/// Thai is shaped by HarfBuzz and wrapped by <see cref="ThaiLineBreaker"/>. The same input and date give
/// byte-identical output (Skia writes no random document id outside PDF/A), so the SHA-256 is reproducible.
/// </summary>
public sealed class PdfDocumentBuilder(PdfFonts fonts, PdfPageSettings? page = null)
{
    public const float BodySize = 11f;
    public const string Producer = "Anuyat";

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Muted = new(0x50, 0x55, 0x5A);
    private static readonly SKColor Rule = new(0xB1, 0xB4, 0xB6);
    private static readonly SKColor HeaderFill = new(0xEE, 0xEF, 0xF0);

    private readonly List<Action<PdfLayoutContext>> _blocks = [];
    private readonly PdfPageSettings _page = page ?? PdfPageSettings.A4;
    private string _title = string.Empty;
    private string? _subject;
    private string? _author;
    private string? _footerNote;

    /// <summary>The document title in the PDF metadata (what a viewer shows in its title bar).</summary>
    public PdfDocumentBuilder Metadata(string title, string? subject = null, string? author = null)
    {
        _title = title;
        _subject = subject;
        _author = author;
        return this;
    }

    /// <summary>Text at the left of every page's footer, e.g. the document number.</summary>
    public PdfDocumentBuilder FooterNote(string text)
    {
        _footerNote = text;
        return this;
    }

    /// <summary>The issuing office (one line per language) above the document title, and a rule under them.</summary>
    public PdfDocumentBuilder Header(IReadOnlyList<string> officeLines, string title, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(officeLines);
        if (string.IsNullOrEmpty(_title))
        {
            _title = title;
        }

        _blocks.Add(ctx =>
        {
            foreach (var line in officeLines)
            {
                ctx.AddLines(ctx.Wrap(line, ctx.Width, PdfFontStyle.Bold, 11.5f), ctx.Left, PdfFontStyle.Bold, 11.5f, Muted);
            }

            ctx.Y += 4;
            ctx.AddLines(ctx.Wrap(title, ctx.Width, PdfFontStyle.Bold, 18f), ctx.Left, PdfFontStyle.Bold, 18f, Ink);
            if (subtitle is not null)
            {
                ctx.AddLines(ctx.Wrap(subtitle, ctx.Width, PdfFontStyle.Regular, 12f), ctx.Left, PdfFontStyle.Regular, 12f, Muted);
            }

            ctx.Y += 6;
            ctx.Add(new PdfLineOp(ctx.Left, ctx.Y, ctx.Left + ctx.Width, ctx.Y, 1.2f, Ink));
            ctx.Y += 12;
        });
        return this;
    }

    /// <summary>A section heading; it is never left alone at the bottom of a page.</summary>
    public PdfDocumentBuilder Heading(string text)
    {
        const float size = 13.5f;
        _blocks.Add(ctx =>
        {
            var lines = ctx.Wrap(text, ctx.Width, PdfFontStyle.Bold, size);
            if (!ctx.AtPageTop)
            {
                ctx.Y += 8;
            }

            // Keep with next: the heading plus two body lines must fit.
            ctx.EnsureSpace((lines.Count * PdfLayoutContext.LineHeight(size)) + (2 * PdfLayoutContext.LineHeight(BodySize)));
            ctx.AddLines(lines, ctx.Left, PdfFontStyle.Bold, size, Ink);
            ctx.Y += 2;
        });
        return this;
    }

    /// <summary>A wrapped paragraph; a newline in the text starts a new line.</summary>
    public PdfDocumentBuilder Paragraph(string text, PdfFontStyle style = PdfFontStyle.Regular, float size = BodySize, bool muted = false)
    {
        _blocks.Add(ctx =>
        {
            ctx.AddLines(ctx.Wrap(text, ctx.Width, style, size), ctx.Left, style, size, muted ? Muted : Ink);
            ctx.Y += 6;
        });
        return this;
    }

    /// <summary>A label and its value side by side (e.g. "เลขที่คำขอ / Reference" → 1001-2569-000123); both wrap.</summary>
    public PdfDocumentBuilder KeyValue(string key, string value, float keyWidthShare = 0.34f)
    {
        _blocks.Add(ctx =>
        {
            var keyWidth = ctx.Width * keyWidthShare;
            var valueWidth = ctx.Width - keyWidth - 8;
            var keyLines = ctx.Wrap(key, keyWidth, PdfFontStyle.Regular, BodySize);
            var valueLines = ctx.Wrap(value, valueWidth, PdfFontStyle.Bold, BodySize);
            var lineHeight = PdfLayoutContext.LineHeight(BodySize);
            var height = Math.Max(keyLines.Count, valueLines.Count) * lineHeight;
            ctx.EnsureSpace(height + 2);
            var top = ctx.Y;
            for (var i = 0; i < keyLines.Count; i++)
            {
                ctx.Add(new PdfTextOp(keyLines[i], ctx.Left, ctx.Baseline(top + (i * lineHeight), PdfFontStyle.Regular, BodySize), PdfFontStyle.Regular, BodySize, Muted));
            }

            for (var i = 0; i < valueLines.Count; i++)
            {
                ctx.Add(new PdfTextOp(valueLines[i], ctx.Left + keyWidth + 8, ctx.Baseline(top + (i * lineHeight), PdfFontStyle.Bold, BodySize), PdfFontStyle.Bold, BodySize, Ink));
            }

            ctx.Y = top + height + 2;
        });
        return this;
    }

    /// <summary>
    /// A list with hanging indents, numbered "1." "2." … or with bullets, e.g. a permit's conditions or the items
    /// of a deficiency record. Each item wraps under its own text, not under the marker.
    /// </summary>
    public PdfDocumentBuilder List(IEnumerable<string> items, bool numbered = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        _blocks.Add(ctx =>
        {
            var lineHeight = PdfLayoutContext.LineHeight(BodySize);
            var indent = numbered ? 16f + (list.Count >= 10 ? 6f : 0f) : 12f;
            for (var i = 0; i < list.Count; i++)
            {
                var marker = numbered ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." : "•";
                var lines = ctx.Wrap(list[i], ctx.Width - indent, PdfFontStyle.Regular, BodySize);
                ctx.EnsureSpace(Math.Min(lines.Count, 2) * lineHeight); // never a marker alone at the page bottom
                ctx.Add(new PdfTextOp(marker, ctx.Left, ctx.Baseline(ctx.Y, PdfFontStyle.Regular, BodySize), PdfFontStyle.Regular, BodySize, Ink));
                ctx.AddLines(lines, ctx.Left + indent, PdfFontStyle.Regular, BodySize, Ink);
                ctx.Y += 2;
            }

            ctx.Y += 4;
        });
        return this;
    }

    /// <summary>
    /// A signature block at the right: a dotted line, the signer's name in brackets and their position, as on Thai
    /// official documents. The whole block stays on one page.
    /// </summary>
    public PdfDocumentBuilder Signature(string name, string position, string? signedOn = null)
    {
        _blocks.Add(ctx =>
        {
            var width = Math.Min(240f, ctx.Width);
            var x = ctx.Left + ctx.Width - width;
            var lines = new List<string> { "(ลงชื่อ / Signed) ..................................................", $"({name})" };
            lines.AddRange(ctx.Wrap(position, width, PdfFontStyle.Regular, BodySize));
            if (signedOn is not null)
            {
                lines.Add(signedOn);
            }

            var lineHeight = PdfLayoutContext.LineHeight(BodySize);
            ctx.EnsureSpace(12 + (lines.Count * lineHeight));
            ctx.Y += 12;
            foreach (var line in lines)
            {
                // Centred in the block, as the signer's name sits under the line.
                var lineWidth = ctx.Shaper.Measure(line, PdfFontStyle.Regular, BodySize);
                var lineX = x + Math.Max(0, (width - lineWidth) / 2);
                ctx.Add(new PdfTextOp(line, lineX, ctx.Baseline(ctx.Y, PdfFontStyle.Regular, BodySize), PdfFontStyle.Regular, BodySize, Ink));
                ctx.Y += lineHeight;
            }
        });
        return this;
    }

    /// <summary>Vertical space in points.</summary>
    public PdfDocumentBuilder Spacer(float height)
    {
        _blocks.Add(ctx => ctx.Y = Math.Min(ctx.Y + height, ctx.Page.ContentBottom));
        return this;
    }

    /// <summary>A table; see <see cref="PdfTable"/>.</summary>
    public PdfDocumentBuilder Table(PdfTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _blocks.Add(ctx => LayoutTable(ctx, table));
        return this;
    }

    /// <summary>
    /// A QR code (error correction M) of <paramref name="content"/>, <paramref name="size"/> points square (quiet zone
    /// included), with an optional caption to its right. QRCoder makes the module matrix; the dark modules are drawn
    /// as one vector path, sharp at any zoom and far cheaper than embedding a PNG (which Skia decodes and deflates again).
    /// </summary>
    public PdfDocumentBuilder QrCode(string content, string? caption = null, float size = 96f)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        using var data = QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix.Select(row =>
        {
            var cells = new bool[row.Length];
            row.CopyTo(cells, 0);
            return cells;
        }).ToArray();
        _blocks.Add(ctx =>
        {
            var captionX = ctx.Left + size + 14;
            var captionLines = caption is null ? [] : ctx.Wrap(caption, ctx.Width - size - 14, PdfFontStyle.Regular, 10f);
            var captionHeight = captionLines.Count * PdfLayoutContext.LineHeight(10f);
            var height = Math.Max(size, captionHeight);
            ctx.EnsureSpace(height + 6);
            var top = ctx.Y + 3;
            ctx.Add(new PdfQrOp(modules, SKRect.Create(ctx.Left, top, size, size)));
            var captionTop = top + Math.Max(0, (size - captionHeight) / 2);
            for (var i = 0; i < captionLines.Count; i++)
            {
                var lineTop = captionTop + (i * PdfLayoutContext.LineHeight(10f));
                ctx.Add(new PdfTextOp(captionLines[i], captionX, ctx.Baseline(lineTop, PdfFontStyle.Regular, 10f), PdfFontStyle.Regular, 10f, Muted));
            }

            ctx.Y = top + height + 6;
        });
        return this;
    }

    /// <summary>Lays out and renders the document. <paramref name="createdUtc"/> becomes the PDF creation date.</summary>
    public PdfFile Render(DateTime createdUtc)
    {
        using var shaper = new PdfTextShaper(fonts);
        var ctx = new PdfLayoutContext(_page, shaper);
        foreach (var block in _blocks)
        {
            block(ctx);
        }

        var total = ctx.Pages.Count;
        shaper.UseDocumentFaces(ctx.Pages
            .SelectMany(p => p.OfType<PdfTextOp>())
            .Select(t => (t.Text, t.Style, t.Size))
            .Concat(Enumerable.Range(1, total).Select(n => (PageText(n, total), PdfFontStyle.Regular, FooterSize)))
            .Append((_footerNote ?? string.Empty, PdfFontStyle.Regular, FooterSize)));

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = _title;
        metadata.Subject = _subject;
        metadata.Author = _author;
        metadata.Creator = Producer;
        metadata.Producer = Producer;
        metadata.Creation = DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc);
        metadata.Modified = DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc);

        // A native memory stream: Skia writes the PDF in many small pieces, and a managed stream would take each one
        // through a callback and grow by copying; here the bytes are copied out once at the end.
        using var stream = new SKDynamicMemoryWStream();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < total; i++)
            {
                var canvas = document.BeginPage(_page.Width, _page.Height);
                foreach (var op in ctx.Pages[i])
                {
                    Draw(canvas, shaper, op);
                }

                DrawFooter(canvas, shaper, i + 1, total);
                document.EndPage();
            }

            document.Close();
        }

        using var bytes = stream.DetachAsData();
        return PdfFile.From(bytes.ToArray(), ctx.Pages.Count);
    }

    private const float FooterSize = 9f;

    private static string PageText(int number, int total) => $"หน้า {number}/{total} · Page {number} of {total}";

    private void DrawFooter(SKCanvas canvas, PdfTextShaper shaper, int number, int total)
    {
        var top = _page.ContentBottom + 18;
        Draw(canvas, shaper, new PdfLineOp(_page.MarginLeft, top, _page.Width - _page.MarginRight, top, 0.5f, Rule));
        var baseline = top + 14;
        var pageText = PageText(number, total);
        var pageWidth = shaper.Measure(pageText, PdfFontStyle.Regular, FooterSize);
        shaper.Draw(canvas, pageText, _page.Width - _page.MarginRight - pageWidth, baseline, PdfFontStyle.Regular, FooterSize, Muted);
        if (_footerNote is not null)
        {
            shaper.Draw(canvas, _footerNote, _page.MarginLeft, baseline, PdfFontStyle.Regular, FooterSize, Muted);
        }
    }

    private static void Draw(SKCanvas canvas, PdfTextShaper shaper, PdfDrawOp op)
    {
        switch (op)
        {
            case PdfTextOp text:
                shaper.Draw(canvas, text.Text, text.X, text.Baseline, text.Style, text.Size, text.Color);
                break;
            case PdfLineOp line:
                using (var paint = new SKPaint { Color = line.Color, StrokeWidth = line.Width, IsStroke = true, IsAntialias = true })
                {
                    canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, paint);
                }

                break;
            case PdfRectOp rect:
                using (var paint = new SKPaint { Color = rect.Fill, IsStroke = false })
                {
                    canvas.DrawRect(rect.Rect, paint);
                }

                break;
            case PdfQrOp qr:
                DrawQr(canvas, qr);
                break;
            default:
                throw new InvalidOperationException($"Unknown draw operation {op.GetType().Name}.");
        }
    }

    private static void DrawQr(SKCanvas canvas, PdfQrOp qr)
    {
        // One rectangle per horizontal run of dark modules, all in one path filled once: no seams between modules
        // when a viewer anti-aliases, and a few hundred rectangles instead of a 328×328 image. The path is in module
        // units (small integers) under a scale, which keeps the page's content stream short.
        using var builder = new SKPathBuilder();
        for (var y = 0; y < qr.Modules.Count; y++)
        {
            var row = qr.Modules[y];
            var x = 0;
            while (x < row.Length)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < row.Length && row[x])
                {
                    x++;
                }

                builder.AddRect(SKRect.Create(start, y, x - start, 1));
            }
        }

        using var path = builder.Detach();
        using var paint = new SKPaint { Color = SKColors.Black, IsStroke = false };
        var module = qr.Rect.Width / qr.Modules.Count;
        canvas.Save();
        canvas.Translate(qr.Rect.Left, qr.Rect.Top);
        canvas.Scale(module);
        canvas.DrawPath(path, paint);
        canvas.Restore();
    }

    private static void LayoutTable(PdfLayoutContext ctx, PdfTable table)
    {
        const float size = 10f;
        const float padding = 4f;
        var lineHeight = PdfLayoutContext.LineHeight(size);
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => ctx.Width * c.Weight / totalWeight).ToArray();

        IReadOnlyList<string>[] WrapRow(IReadOnlyList<string> cells, PdfFontStyle style) =>
            cells.Select((cell, i) => ctx.Wrap(cell, widths[i] - (2 * padding), style, size)).ToArray();

        float RowHeight(IReadOnlyList<string>[] wrapped) => (wrapped.Max(l => l.Count) * lineHeight) + (2 * padding);

        void DrawRow(IReadOnlyList<string>[] wrapped, PdfFontStyle style, bool header)
        {
            var height = RowHeight(wrapped);
            var top = ctx.Y;
            if (header)
            {
                ctx.Add(new PdfRectOp(SKRect.Create(ctx.Left, top, ctx.Width, height), HeaderFill));
            }

            var x = ctx.Left;
            for (var c = 0; c < wrapped.Length; c++)
            {
                for (var l = 0; l < wrapped[c].Count; l++)
                {
                    var text = wrapped[c][l];
                    var textWidth = ctx.Shaper.Measure(text, style, size);
                    var textX = table.Columns[c].Align switch
                    {
                        PdfAlign.Right => x + widths[c] - padding - textWidth,
                        PdfAlign.Center => x + ((widths[c] - textWidth) / 2),
                        _ => x + padding,
                    };
                    var baseline = ctx.Baseline(top + padding + (l * lineHeight), style, size);
                    ctx.Add(new PdfTextOp(text, textX, baseline, style, size, Ink));
                }

                x += widths[c];
            }

            // Cell borders: the top and bottom of the row and a line between and around the columns.
            ctx.Add(new PdfLineOp(ctx.Left, top, ctx.Left + ctx.Width, top, 0.6f, Rule));
            ctx.Add(new PdfLineOp(ctx.Left, top + height, ctx.Left + ctx.Width, top + height, 0.6f, Rule));
            x = ctx.Left;
            for (var c = 0; c <= wrapped.Length; c++)
            {
                ctx.Add(new PdfLineOp(x, top, x, top + height, 0.6f, Rule));
                x += c < widths.Length ? widths[c] : 0;
            }

            ctx.Y = top + height;
        }

        var headerCells = WrapRow(table.Columns.Select(c => c.Header).ToArray(), PdfFontStyle.Bold);
        var headerHeight = RowHeight(headerCells);
        var rows = table.Rows.Select(r => WrapRow(r, PdfFontStyle.Regular)).ToList();
        // The header never stands alone: it needs room for itself and the first row.
        ctx.EnsureSpace(headerHeight + (rows.Count > 0 ? RowHeight(rows[0]) : 0));
        DrawRow(headerCells, PdfFontStyle.Bold, header: true);
        foreach (var row in rows)
        {
            var height = RowHeight(row);
            if (height > ctx.Remaining)
            {
                ctx.NewPage();
                DrawRow(headerCells, PdfFontStyle.Bold, header: true);
            }

            // Limit: a single row taller than a whole page runs past the bottom margin instead of splitting.
            DrawRow(row, PdfFontStyle.Regular, header: false);
        }

        ctx.Y += 8;
    }
}
