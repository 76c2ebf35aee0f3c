package cn.tongban.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.crypto.Sm3;

/**
 * The contract as a PDF (建房规〔2020〕4号 三（九）; issue #4 item 2): rendered from the template after the filing
 * commits, the filing code on every page, the font embedded, kept with its SM3 digest and served as kept.
 */
@IntegrationTest
class ContractPdfTest {

    private static final OffsetDateTime FILED_AT = OffsetDateTime.parse("2026-11-20T10:15:30+08:00");

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    FilingFixture fixture;
    String unit;

    @BeforeEach
    void unitOnSale() throws Exception {
        fixture = new FilingFixture(http);
        unit = fixture.units(1);
        fixture.presalePermit(unit, null);
    }

    private String file() throws Exception {
        return fixture.body(fixture.postJson("/api/v1/contracts", """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"2026-11-20","price":1580000.00,"paymentType":"01","loanType":"01",
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "buyers":[{"idType":"01","idNumber":"%s","name":"张三"}]}"""
                .formatted(unit, fixture.developer, TestData.citizenId("19880808")))
                .andExpect(status().isCreated())).get("filingCode").asText();
    }

    private MockHttpServletResponse pdf(String filingCode) throws Exception {
        return http.perform(get("/api/v1/contracts/" + filingCode + "/document").accept(MediaType.APPLICATION_PDF))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andReturn().getResponse();
    }

    private String keptDigest(String filingCode) {
        return jdbc.sql("SELECT d.pdf_sm3 FROM contract_document d JOIN contract c ON c.id = d.contract_id WHERE c.filing_code = ?")
                .param(filingCode).query(String.class).single();
    }

    @Test
    void contractPdfNamesThePartiesAndTheUnitAndCarriesTheFilingCodeInAnEmbeddedSubsetFont() throws Exception {
        String code = file();
        MockHttpServletResponse response = pdf(code);
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"" + code + ".pdf\"");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("商品房买卖合同", "出卖人：常州开发有限公司", "买受人：张三",
                    "房屋坐落：" + FilingFixture.LOCATION, "总价款：人民币 1580000.00 元", "备案编码：" + code, "第 1 页 共 1 页");
            assertEmbeddedSubsetFonts(pdf);
        }
    }

    @Test
    void servedPdfIsTheKeptOneAndTheHeaderIsTheSm3OfItsBytes() throws Exception {
        String code = file();
        MockHttpServletResponse first = pdf(code);
        byte[] bytes = first.getContentAsByteArray();
        assertThat(first.getHeader("X-Content-SM3")).isEqualTo(Sm3.hex(bytes)).isEqualTo(keptDigest(code));
        assertThat(pdf(code).getContentAsByteArray()).isEqualTo(bytes);
        // text stays the default, and is what a client gets that prefers it
        http.perform(get("/api/v1/contracts/" + code + "/document").header("Accept", "application/pdf;q=0.5, text/plain"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"));
    }

    @Test
    void pdfOfAContractOutsideTheCallersScopeIsNotFoundAsItsText() throws Exception {
        String code = file();
        for (MediaType type : new MediaType[] {MediaType.APPLICATION_PDF, MediaType.TEXT_PLAIN}) {
            http.perform(get("/api/v1/contracts/" + code + "/document").accept(type)
                            .with(TestCallers.as(TestCallers.districtClerk("320402"))))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void filingDoesNotWaitForItsPdfWhichFollowsFromTheFilingEvent() throws Exception {
        String code;
        try (Connection lock = owner.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE contract_document IN ACCESS EXCLUSIVE MODE");
            try {
                // no document can be read or written now; a filing that waited for one would not answer
                code = CompletableFuture.supplyAsync(() -> {
                    try {
                        return file();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).get(30, TimeUnit.SECONDS);
            } finally {
                lock.rollback();
            }
        }
        assertThat(FilingFixture.awaitDocument(jdbc, code)).isTrue();
        // the publication is marked complete just after the listener's own transaction, moments after the PDF is kept
        long deadline = System.currentTimeMillis() + 15_000;
        long completed = 0;
        while (completed == 0 && System.currentTimeMillis() < deadline) {
            completed = jdbc.sql("""
                    SELECT count(*) FROM event_publication WHERE event_type LIKE '%ContractFiled' AND completion_date IS NOT NULL
                       AND listener_id LIKE '%ContractDocuments%' AND serialized_event LIKE ?""").param("%" + code + "%")
                    .query(Long.class).single();
            Thread.sleep(completed == 0 ? 50 : 0);
        }
        assertThat(completed).isEqualTo(1);
    }

    @Test
    void pdfMissingWhenFirstRequestedIsRenderedThenAndTheSameAgainFromTheKeptText() throws Exception {
        String code = file();
        assertThat(FilingFixture.awaitDocument(jdbc, code)).isTrue();
        String digest = keptDigest(code);
        // a document kept before PDFs existed (migration V20261123_1903): its PDF is made from its kept text
        jdbc.sql("UPDATE contract_document SET pdf = NULL, pdf_sm3 = NULL WHERE contract_id = (SELECT id FROM contract WHERE filing_code = ?)")
                .param(code).update();
        assertThat(pdf(code).getHeader("X-Content-SM3")).isEqualTo(digest);
        // no document at all yet (the listener has not run): text and PDF are rendered on first request
        jdbc.sql("DELETE FROM contract_document WHERE contract_id = (SELECT id FROM contract WHERE filing_code = ?)").param(code).update();
        assertThat(pdf(code).getHeader("X-Content-SM3")).isEqualTo(digest).isEqualTo(keptDigest(code));
    }

    @Test
    void everyPageOfALongContractCarriesTheFilingCodeAndItsPageNumber() throws Exception {
        String code = "320411-2026-XS-00000001";
        String text = "商品房买卖合同（网签备案）\n\n" + ("第一条 出卖人应当按照合同约定的时间和条件将房屋交付买受人，备案编码 " + code + "。\n").repeat(60);
        ContractPdf renderer = new ContractPdf();
        byte[] bytes = renderer.render(code, text, FILED_AT);
        assertThat(renderer.render(code, text, FILED_AT)).as("the same text renders to the same bytes").isEqualTo(bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(pdf)).contains("备案编码：" + code, "第 " + page + " 页 共 " + pages + " 页");
            }
            assertEmbeddedSubsetFonts(pdf);
        }
    }

    /** Archives need embedded fonts: every font on every page is a Type 0 font with an embedded TrueType subset. */
    private static void assertEmbeddedSubsetFonts(PDDocument pdf) throws IOException {
        for (PDPage page : pdf.getPages()) {
            assertThat(page.getResources().getFontNames()).isNotEmpty();
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().isEmbedded()).isTrue();
                assertThat(font.getFontDescriptor().getFontFile2()).as("embedded TrueType font program").isNotNull();
                assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
            }
        }
    }
}
