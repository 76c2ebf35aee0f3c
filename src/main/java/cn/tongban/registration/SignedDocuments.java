package cn.tongban.registration;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.crypto.Sm2SigningKey;
import cn.tongban.kernel.crypto.Sm3;
import cn.tongban.kernel.pdf.A4Pdf;

/**
 * What the signed documents of registration share: their verification codes, the public URL a QR code carries, and
 * the signature.
 *
 * <p>The signature: SM2 with the {@link RegistrationSigningKey} over {@code canonical + "\n" + sm3(pdf)}, where
 * {@code canonical} is the document's fields as JSON (fields in a fixed order) and {@code sm3(pdf)} the lowercase hex
 * SM3 of the PDF's bytes as issued — so that neither the fields nor the PDF can be changed without the signature
 * failing.
 *
 * <p>A verification code is 16 characters drawn by a {@link SecureRandom} from the 32 digits and capitals that cannot
 * be mistaken for each other (no 0, O, 1, I): 80 bits, not guessable, printed in groups of four.
 */
@Component
class SignedDocuments {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 16;
    static final String VERIFICATION_PATH = "/api/v1/public/certificates/";
    /** The public page a phone opens from the QR code (issue #8); the JSON endpoint stays at {@link #VERIFICATION_PATH}. */
    static final String VERIFICATION_PAGE = "/portal/public/verify?code=";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The QR code's side, quiet zone included, in the top margin of the first page. */
    private static final float QR_SIDE = 26 * A4Pdf.MM;

    /** How a document was signed. */
    record Signature(String signature, String keyId, String pdfSm3) {
    }

    private final Sm2SigningKey key;
    private final ObjectMapper canonicalJson;
    private final String publicBaseUrl;

    SignedDocuments(RegistrationSigningKey key, ObjectMapper json, @Value("${tongban.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.key = key.key();
        // records in declaration order, maps as built (LinkedHashMap): the same fields always give the same text
        this.canonicalJson = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    String newVerificationCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed or scanned: case and group separators ignored; {@code null} if it cannot be a code. */
    static String normalised(String typed) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == CODE_LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }

    /** ABCD-EFGH-JKLM-NPQR. */
    static String grouped(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
    }

    /** Where anyone verifies the document without login: the public page, which a scanned QR code opens in a browser. */
    String verificationUrl(String code) {
        return publicBaseUrl + VERIFICATION_PAGE + code;
    }

    String canonical(Object fields) {
        try {
            return canonicalJson.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String canonical, Class<T> type) {
        try {
            return canonicalJson.readValue(canonical, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Signature sign(String canonical, byte[] pdf) {
        String sm3 = Sm3.hex(pdf);
        return new Signature(key.sign(signed(canonical, sm3)), key.keyId(), sm3);
    }

    /**
     * Whether the stored text and PDF are what the key signed: the PDF's digest is the stored one and the signature
     * holds over both. A document signed by another key (before a rotation) cannot be checked here and fails.
     */
    boolean verify(String canonical, byte[] pdf, Signature stored) {
        String sm3 = Sm3.hex(pdf);
        return sm3.equals(stored.pdfSm3()) && key.keyId().equals(stored.keyId())
                && key.verify(signed(canonical, sm3), stored.signature());
    }

    /** The published key: what a relying party needs to check a signature itself. */
    Map<String, String> publishedKey() {
        return Map.of("algorithm", Sm2SigningKey.ALGORITHM, "keyId", key.keyId(),
                "publicKeyHex", key.publicKeyHex(), "publicKeyPem", key.publicKeyPem(),
                "signedText", "canonical + \"\\n\" + lowercase hex SM3 of the PDF");
    }

    /** A QR code of the text in the top margin of the first page, right-aligned with the text. */
    A4Pdf.Decoration qrCode(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException("a verification URL that does not fit a QR code: " + text, e);
        }
        return (content, page, pages) -> {
            if (page != 1) {
                return;
            }
            int modules = matrix.getWidth() + 8; // 4 modules of quiet zone on each side (ISO/IEC 18004)
            float module = QR_SIDE / modules;
            float left = PDRectangle.A4.getWidth() - A4Pdf.RIGHT - QR_SIDE + 4 * module;
            float top = PDRectangle.A4.getHeight() - 8 * A4Pdf.MM - 4 * module;
            // a row's run of dark modules as one rectangle: no seams between them where a renderer anti-aliases
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (matrix.get(x, y) != 1) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                        x++;
                    }
                    content.addRect(left + start * module, top - (y + 1) * module - 0.05f, (x - start) * module, module + 0.1f);
                }
            }
            content.setNonStrokingColor(0f, 0f, 0f);
            content.fill();
        };
    }

    private static String signed(String canonical, String pdfSm3) {
        return canonical + "\n" + pdfSm3;
    }
}
