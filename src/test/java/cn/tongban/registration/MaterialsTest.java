package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/** 收件材料 (互联网+不动产登记建设指南 二（一）3 资料配置; issue #7 item 3): checked against the checklist, kept with SM3. */
@IntegrationTest
class MaterialsTest {

    static final String FORM = "不动产登记申请书";
    static final String ID_PROOF = "申请人身份证明";
    static final String CONTRACT = "房屋买卖合同";
    static final String TAX_PAID = "完税或者减免税凭证";
    static final String DISTRICT = "320402";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MaterialStore store;
    @Autowired
    Materials materials;
    @Autowired
    ObjectMapper json;

    ApplicationFixture fixture;
    Caller applicant;
    String applicationNo;

    @BeforeEach
    void application() {
        fixture = new ApplicationFixture(context);
        ApplicationFixture.Applied applied = fixture.byCitizen("TRANSFER", DISTRICT);
        applicant = applied.citizen();
        applicationNo = applied.applicationNo();
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    static byte[] png() {
        byte[] bytes = new byte[200];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        return bytes;
    }

    MockHttpServletRequestBuilder upload(String item, String contentType, byte[] body) {
        return post("/api/v1/registrations/{no}/materials", applicationNo).param("item", item).contentType(contentType)
                .content(body).with(TestCallers.as(applicant));
    }

    ResultActions refused(MockHttpServletRequestBuilder request, String field, String code) throws Exception {
        return http.perform(request).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    /** Nothing of the application's materials is kept: no row, no file, no leftover of a partial upload. */
    void assertNothingKept() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM registration_material WHERE application_no = ?").param(applicationNo)
                .query(Integer.class).single()).isZero();
        assertThat(Files.exists(store.root().resolve(applicationNo))).isFalse();
        Path tmp = store.root().resolve("tmp");
        if (Files.exists(tmp)) {
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    JsonNode uploaded(String item, byte[] body, String fileName) throws Exception {
        MockHttpServletRequestBuilder request = upload(item, "application/pdf", body);
        if (fileName != null) {
            request.header("X-File-Name", fileName);
        }
        return json.readTree(http.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Test
    void aMaterialOfAForbiddenTypeIsRefusedAndLeavesNothing() throws Exception {
        // the application form is configured as pdf only: a png is refused whatever it is declared as
        refused(upload(FORM, "image/png", png()), "Content-Type", "material.format-not-accepted");
        refused(upload(FORM, "application/pdf", png()), "file", "material.format-not-accepted")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("png")));
        refused(upload(FORM, "application/octet-stream", "MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1)),
                "file", "material.format-not-accepted");
        // an identity proof may be a png, but not one declared as a jpeg
        refused(upload(ID_PROOF, "image/jpeg", png()), "Content-Type", "material.type-mismatch");
        refused(upload(FORM, "application/pdf", new byte[0]), "file", "material.empty");
        assertNothingKept();
        // what the checklist allows is taken
        http.perform(upload(ID_PROOF, "image/png", png())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));
    }

    @Test
    void aMaterialOverTheSizeLimitIsRefusedAndLeavesNothing() throws Exception {
        int limit = 10 * 1024 * 1024; // 不动产登记申请书: maxMegabytes 10 in business-types.json
        refused(upload(FORM, "application/pdf", pdf(limit + 1)), "file", "material.too-large")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("10")));
        // a declared length over the limit is refused before a byte is read
        refused(upload(FORM, "application/pdf", pdf(100)).header("Content-Length", limit + 1L), "file", "material.too-large");
        assertNothingKept();
        http.perform(upload(FORM, "application/pdf", pdf(limit))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.bytes").value(limit));
    }

    @Test
    void anItemNotInTheChecklistIsRefused() throws Exception {
        refused(upload("结婚证", "application/pdf", pdf(100)), "item", "material.item-not-listed")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("TRANSFER")));
        assertNothingKept();
    }

    @Test
    void aReUploadReplacesTheItemAndKeepsTheOldOneOnRecord() throws Exception {
        long first = uploaded(FORM, pdf(300), "first.pdf").get("id").asLong();
        long second = uploaded(FORM, pdf(400), "second.pdf").get("id").asLong();

        http.perform(get("/api/v1/registrations/{no}/materials", applicationNo).with(TestCallers.as(applicant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].item").value(FORM))
                .andExpect(jsonPath("$.items[0].provided.id").value(second))
                .andExpect(jsonPath("$.items[0].provided.fileName").value("second.pdf"))
                .andExpect(jsonPath("$.items[0].missing").value(false));
        assertThat(jdbc.sql("SELECT superseded_by FROM registration_material WHERE id = ?").param(first).query(Long.class).single())
                .isEqualTo(second);
        // the superseded file is still there, for the record
        http.perform(get("/api/v1/registrations/{no}/materials/{id}", applicationNo, first).with(TestCallers.as(applicant)))
                .andExpect(status().isOk()).andExpect(header().longValue("Content-Length", 300));
    }

    @Test
    void theSm3OfTheStoredFileEqualsTheDownloadHeaderAndTheBytesDigest() throws Exception {
        byte[] body = pdf(200_000);
        body[100_000] = 42;
        JsonNode upload = uploaded(FORM, body, "UTF-8''%E4%B8%8D%E5%8A%A8%E4%BA%A7%E7%99%BB%E8%AE%B0%E7%94%B3%E8%AF%B7%E4%B9%A6.pdf");
        assertThat(upload.get("fileName").asText()).isEqualTo("不动产登记申请书.pdf");
        long id = upload.get("id").asLong();

        var response = http.perform(get("/api/v1/registrations/{no}/materials/{id}", applicationNo, id)
                        .with(TestCallers.as(TestCallers.districtClerk(DISTRICT))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn().getResponse();
        byte[] downloaded = response.getContentAsByteArray();
        String stored = jdbc.sql("SELECT storage_path FROM registration_material WHERE id = ?").param(id).query(String.class).single();

        assertThat(downloaded).isEqualTo(body);
        assertThat(response.getHeader("X-Content-SM3")).isEqualTo(sm3(body)).isEqualTo(upload.get("sm3").asText());
        assertThat(sm3(Files.readAllBytes(store.root().resolve(stored)))).isEqualTo(sm3(body));
    }

    @Test
    void anotherCitizenOrAStaffMemberOfAnotherDistrictCannotUploadOrList() throws Exception {
        Caller stranger = TestCitizens.withAccount(context, TestData.citizenId("19900101"), "旁人");
        for (Caller outsider : List.of(stranger, TestCallers.districtClerk("320404"))) {
            http.perform(post("/api/v1/registrations/{no}/materials", applicationNo).param("item", FORM)
                    .contentType("application/pdf").content(pdf(100)).with(TestCallers.as(outsider)))
                    .andExpect(status().isNotFound());
            http.perform(get("/api/v1/registrations/{no}/materials", applicationNo).with(TestCallers.as(outsider)))
                    .andExpect(status().isNotFound());
        }
        assertNothingKept();
        // the district's own registrar may
        http.perform(post("/api/v1/registrations/{no}/materials", applicationNo).param("item", FORM)
                .contentType("application/pdf").content(pdf(100)).with(TestCallers.as(TestCallers.districtClerk(DISTRICT))))
                .andExpect(status().isCreated());
    }

    @Test
    void materialsCannotBeChangedOnceTheApplicationIsAccepted() throws Exception {
        fixture.status(applicationNo, "ACCEPTED");
        http.perform(upload(FORM, "application/pdf", pdf(100))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("material.application-closed"));
        assertNothingKept();
        fixture.status(applicationNo, "SUPPLEMENT_REQUIRED"); // 补正: open again
        http.perform(upload(FORM, "application/pdf", pdf(100))).andExpect(status().isCreated());
    }

    @Test
    void missingListsExactlyTheRequiredItemsNotUploadedAndNotSatisfiedByThePlatform() throws Exception {
        assertThat(materials.missing(applicationNo, "TRANSFER", Set.of())).containsExactly(FORM, ID_PROOF, CONTRACT, TAX_PAID);
        uploaded(FORM, pdf(100), null);
        http.perform(upload("不动产权属证书", "application/pdf", pdf(100))).andExpect(status().isCreated()); // optional
        assertThat(materials.missing(applicationNo, "TRANSFER", Set.of(CONTRACT, TAX_PAID))).containsExactly(ID_PROOF);
        assertThat(materials.missing(applicationNo, "TRANSFER", Set.of())).containsExactly(ID_PROOF, CONTRACT, TAX_PAID);

        http.perform(get("/api/v1/registrations/{no}/materials", applicationNo).with(TestCallers.as(applicant)))
                .andExpect(jsonPath("$.items[1].item").value(ID_PROOF))
                .andExpect(jsonPath("$.items[1].missing").value(true))
                .andExpect(jsonPath("$.items[1].freeFrom").value(containsString("公安")))
                .andExpect(jsonPath("$.items[4].required").value(false))
                .andExpect(jsonPath("$.items[4].missing").value(false));
    }
}
