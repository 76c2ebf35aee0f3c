package cn.tongban.registration;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats a material may have (收件材料的规格要求, 互联网+不动产登记建设指南 二（一）3), each recognised by its
 * first bytes: a declared Content-Type is the sender's claim, the signature is what the registrar will open.
 */
enum MaterialFormat {

    PDF("pdf", "application/pdf", ".pdf"),
    JPG("jpg", "image/jpeg", ".jpg"),
    PNG("png", "image/png", ".png"),
    /** GB/T 33190 版式文档: a ZIP package whose first entry is OFD.xml. */
    OFD("ofd", "application/ofd", ".ofd");

    /** Bytes enough to tell the formats apart (an OFD's first ZIP entry name included). */
    static final int SIGNATURE_BYTES = 37;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final byte[] OFD_ENTRY = "OFD.xml".getBytes(StandardCharsets.US_ASCII);

    final String code;
    final String mediaType;
    final String extension;

    MaterialFormat(String code, String mediaType, String extension) {
        this.code = code;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format the first bytes of a file show, if any of these. */
    static Optional<MaterialFormat> sniff(byte[] head, int length) {
        if (startsWith(head, length, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, length, JPG_MAGIC)) {
            return Optional.of(JPG);
        }
        if (startsWith(head, length, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, ZIP_MAGIC) && length >= 30 + OFD_ENTRY.length) {
            // ZIP local file header: the name's length at offset 26 (little-endian), the name at offset 30
            int nameLength = (head[26] & 0xFF) | (head[27] & 0xFF) << 8;
            if (nameLength == OFD_ENTRY.length && Arrays.equals(head, 30, 30 + nameLength, OFD_ENTRY, 0, nameLength)) {
                return Optional.of(OFD);
            }
        }
        return Optional.empty();
    }

    /** The format of a configured code ({@code pdf}, {@code jpg} …), if known. */
    static Optional<MaterialFormat> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The format a declared media type names, if one of these. */
    static Optional<MaterialFormat> ofMediaType(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.equals("image/jpg") || type.equals("image/pjpeg")) {
            return Optional.of(JPG);
        }
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type)).findFirst();
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
