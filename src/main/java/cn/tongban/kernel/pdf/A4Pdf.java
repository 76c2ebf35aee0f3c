package cn.tongban.kernel.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

import cn.tongban.kernel.crypto.Sm3;

/**
 * A text document as a PDF on A4 pages: its first line the title, the rest paragraphs wrapped to the page width,
 * a foot on every page (what the document is, and 第 x 页 共 y 页), in a CJK TrueType font embedded as a subset —
 * archives need embedded fonts, so never a non-embedded CID font such as STSong-Light. The same text and description
 * give the same bytes (no clock, no random document ID), so a stored PDF can be rendered again and compared.
 *
 * <p>The font (Noto Sans S Chinese, Apache License 2.0, see {@code fonts/NOTICE.txt}) is read and parsed once for the
 * whole platform (parsing costs about as much as a whole rendering); a parsed font reads its tables lazily and is not
 * safe for concurrent use, so renderings take turns on it (a few milliseconds each).
 */
public final class A4Pdf {

    public static final String FONT = "fonts/NotoSansSChinese-Regular.ttf";

    /** Points per millimetre. */
    public static final float MM = 72f / 25.4f;
    /** GB/T 9704-2012 (党政机关公文格式) page margins, in points: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
    public static final float TOP = 37 * MM;
    public static final float BOTTOM = 35 * MM;
    public static final float LEFT = 28 * MM;
    public static final float RIGHT = 26 * MM;
    private static final float TITLE_SIZE = 18;
    private static final float BODY_SIZE = 12;
    private static final float LEADING = 1.8f;
    private static final float FOOT_SIZE = 9;
    /** Never at the start of a line (标点禁则, GB/T 15834-2011): they stay at the end of the line before. */
    private static final String NOT_AT_LINE_START = "，。、；：？！）》」』】〕〉”’…—%,.;:?!)]}";
    /** Shown for a character the font has no glyph for; the text itself, and its SM3, keep the original. */
    private static final int MISSING = '〓';

    /**
     * What the document says of itself in its metadata.
     *
     * @param subject  e.g. {@code 网签备案 <filing code>}
     * @param created  the document's own time (filing, issue), its creation date
     * @param identity the text its ID is derived from (SM3, first 16 bytes)
     */
    public record Description(String subject, OffsetDateTime created, String identity) {
    }

    /** Drawn on each page after its text, e.g. a QR code in the top margin. */
    @FunctionalInterface
    public interface Decoration {
        void draw(PDPageContentStream content, int page, int pages) throws IOException;
    }

    private static volatile A4Pdf shared;

    private final TrueTypeFont font;

    private A4Pdf() {
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("the document font " + FONT + " is missing or unreadable: build with Maven", e);
        }
    }

    /** The one typesetter of the platform, its font parsed on first use. */
    public static A4Pdf shared() {
        A4Pdf pdf = shared;
        if (pdf == null) {
            synchronized (A4Pdf.class) {
                if (shared == null) {
                    shared = new A4Pdf();
                }
                pdf = shared;
            }
        }
        return pdf;
    }

    /**
     * The PDF of the text; its first line is the title.
     *
     * @param footLeft   what the foot of every page says on the left (e.g. {@code 备案编码：…})
     * @param decoration drawn on every page, or {@code null}
     */
    public byte[] render(String text, String footLeft, Description description, Decoration decoration) {
        synchronized (font) {
            return render(font, text, footLeft, description, decoration);
        }
    }

    private static byte[] render(TrueTypeFont ttf, String text, String footLeft, Description description, Decoration decoration) {
        try (PDDocument pdf = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(pdf, ttf, true);
            Typesetter typesetter = new Typesetter(type0, ttf.getUnicodeCmapLookup());
            List<List<Line>> pages = typesetter.pages(text);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    for (Line line : pages.get(i)) {
                        show(content, type0, line.size, line.x, line.y, line.text);
                    }
                    foot(content, type0, typesetter, footLeft, "第 " + (i + 1) + " 页 共 " + pages.size() + " 页");
                    if (decoration != null) {
                        decoration.draw(content, i + 1, pages.size());
                    }
                }
            }
            describe(pdf, text, description);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF of " + description.subject(), e);
        }
    }

    private static void foot(PDPageContentStream content, PDType0Font font, Typesetter typesetter, String left,
            String right) throws IOException {
        float y = BOTTOM / 2;
        float width = PDRectangle.A4.getWidth();
        content.setLineWidth(0.5f);
        content.moveTo(LEFT, y + FOOT_SIZE * 1.6f);
        content.lineTo(width - RIGHT, y + FOOT_SIZE * 1.6f);
        content.stroke();
        show(content, font, FOOT_SIZE, LEFT, y, left);
        show(content, font, FOOT_SIZE, width - RIGHT - typesetter.width(right, FOOT_SIZE), y, right);
    }

    private static void show(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** Title, subject, language, the document's own time as creation date and an ID from its text: nothing from the clock. */
    private static void describe(PDDocument pdf, String text, Description description) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(text.strip().lines().findFirst().orElse(description.subject()));
        info.setSubject(description.subject());
        info.setCreator("通办 Tongban");
        info.setProducer("通办 Tongban (Apache PDFBox)");
        GregorianCalendar created = GregorianCalendar.from(description.created().toZonedDateTime());
        info.setCreationDate(created);
        info.setModificationDate(created);
        pdf.getDocumentCatalog().setLanguage("zh-CN");
        byte[] id = Arrays.copyOf(Sm3.digest(description.identity().getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private record Line(String text, float size, float x, float y) {
    }

    /** Breaks the text into lines that fit the page width and the lines into pages. */
    private static final class Typesetter {

        private final PDType0Font font;
        private final CmapLookup cmap;

        Typesetter(PDType0Font font, CmapLookup cmap) {
            this.font = font;
            this.cmap = cmap;
        }

        List<List<Line>> pages(String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - LEFT - RIGHT;
            float top = PDRectangle.A4.getHeight() - TOP;
            List<List<Line>> pages = new ArrayList<>();
            List<Line> page = new ArrayList<>();
            float y = top;
            boolean title = true;
            for (String paragraph : text.replace("\r\n", "\n").replace('\t', ' ').split("\n", -1)) {
                float size = title && !paragraph.isBlank() ? TITLE_SIZE : BODY_SIZE;
                List<String> lines = paragraph.isBlank() ? List.of("") : wrap(printable(paragraph), size, width);
                for (String line : lines) {
                    if (y - size < BOTTOM) {
                        pages.add(page);
                        page = new ArrayList<>();
                        y = top;
                    }
                    y -= size;
                    float x = size == TITLE_SIZE ? LEFT + (width - width(line, size)) / 2 : LEFT;
                    if (!line.isEmpty()) {
                        page.add(new Line(line, size, x, y));
                    }
                    y -= size * (LEADING - 1);
                }
                title &= paragraph.isBlank();
            }
            pages.add(page);
            return pages;
        }

        /**
         * Greedy: Chinese breaks between any two characters, a run of Latin letters, digits and their joiners (a code,
         * a number, a date) only where it is longer than a line; 标点 stays off the start of a line.
         */
        private List<String> wrap(String paragraph, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (String piece : pieces(paragraph)) {
                float w = width(piece, size);
                if (used + w > width && !line.isEmpty() && NOT_AT_LINE_START.indexOf(piece.codePointAt(0)) < 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                if (w > width) { // a word longer than a line: by character
                    for (String ch : piece.split("(?<=.)")) {
                        float c = width(ch, size);
                        if (used + c > width && !line.isEmpty()) {
                            lines.add(line.toString());
                            line.setLength(0);
                            used = 0;
                        }
                        line.append(ch);
                        used += c;
                    }
                    continue;
                }
                line.append(piece);
                used += w;
            }
            lines.add(line.toString());
            return lines;
        }

        /** Each character alone, except runs of ASCII letters, digits and . - / : which stay together. */
        private static List<String> pieces(String paragraph) {
            List<String> pieces = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            paragraph.codePoints().forEach(cp -> {
                boolean joins = cp < 128 && (Character.isLetterOrDigit(cp) || ".-/:".indexOf(cp) >= 0);
                if (joins) {
                    word.appendCodePoint(cp);
                    return;
                }
                if (!word.isEmpty()) {
                    pieces.add(word.toString());
                    word.setLength(0);
                }
                pieces.add(new String(Character.toChars(cp)));
            });
            if (!word.isEmpty()) {
                pieces.add(word.toString());
            }
            return pieces;
        }

        float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> out.appendCodePoint(
                    Character.isISOControl(cp) ? ' ' : cmap.getGlyphId(cp) == 0 ? MISSING : cp));
            return out.toString();
        }
    }
}
