package cn.tongban.registration;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.TestData;

/** Register entries as the lead's 登簿 writes them, and what tests read back from PDFs. */
final class DocumentFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    private DocumentFixture() {
    }

    static Map<String, Object> owner(String idNumber, String name, String coOwnership, String share) {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("idNumber", idNumber);
        owner.put("name", name);
        owner.put("idType", "01");
        owner.put("coOwnership", coOwnership);
        owner.put("share", share);
        return owner;
    }

    static Map<String, Object> ownership(String certificateNumber, List<Map<String, Object>> owners) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("owners", new ArrayList<>(owners));
        content.put("certificateNumber", certificateNumber);
        content.put("rightType", "国有建设用地使用权/房屋所有权");
        content.put("basis", "买卖");
        return content;
    }

    static Map<String, Object> mortgage(String certificateNumber, String bank, String bankName, int rank) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("mortgagee", bank);
        content.put("mortgageeName", bankName);
        content.put("amount", "1200000.00");
        content.put("rank", rank);
        content.put("startOn", "2026-11-24");
        content.put("endOn", "2046-11-23");
        content.put("certificateNumber", certificateNumber);
        return content;
    }

    /** A year of its own for each test's numbers: the sequences are shared by the whole suite's database. */
    static int year() {
        return 2100 + TestData.next() % 100;
    }

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The QR code on the first page, as a phone's camera would read it from a print at 200 dpi. */
    static String qrCode(byte[] pdf) throws IOException, NotFoundException, ChecksumException, FormatException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        }
    }

    /** The value of the field with this label in a verification answer. */
    static String field(JsonNode verified, String label) {
        for (JsonNode field : verified.get("fields")) {
            if (field.get("label").asText().equals(label)) {
                return field.get("value").asText();
            }
        }
        throw new AssertionError("no field " + label + " in " + verified);
    }
}
