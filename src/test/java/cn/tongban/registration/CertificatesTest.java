package cn.tongban.registration;

import static cn.tongban.registration.DocumentFixture.field;
import static cn.tongban.registration.DocumentFixture.json;
import static cn.tongban.registration.DocumentFixture.owner;
import static cn.tongban.registration.DocumentFixture.ownership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.OwnerDatabase;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.kernel.crypto.Sm3;

/**
 * 电子不动产权证书 and 不动产登记证明 (issue #7 item 6; 互联网+不动产登记建设指南 二（一）6, 三（一）5): issued from a register
 * entry, verifiable by anyone by its code — only what it shows, masked, with whether it is still in force — and
 * refused when what is stored no longer matches its signature.
 */
@IntegrationTest
class CertificatesTest {

    @Autowired
    MockMvc http;
    @Autowired
    RegisterBook book;
    @Autowired
    CertificateNumbers numbers;
    @Autowired
    Certificates certificates;
    @Autowired
    OwnerDatabase owner;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    ApplicationContext context;

    String unit;
    String ownerId;
    String ownerName;
    int year;

    @BeforeEach
    void aUnitOwnedByTheBook() throws Exception {
        unit = new FilingFixture(http).unitsOnSale(1).get(0);
        ownerId = TestData.citizenId("19850505");
        ownerName = "王建国";
        year = DocumentFixture.year();
    }

    private Certificates.IssuedCertificate registerOwnership(String idNumber, String name) {
        String number = numbers.next("320411", year, CertificateNumbers.Kind.RIGHT);
        String applicationNo = "DJ320411" + year + "1124" + "%06d".formatted(TestData.next() % 1_000_000);
        RegisterEntry entry = book.append(unit, RegisterEntry.Kind.OWNERSHIP,
                ownership(number, List.of(owner(idNumber, name, "01", "1/1"))), applicationNo, "registrar-320411");
        return certificates.issue(applicationNo, unit, entry.seq());
    }

    private JsonNode verify(String code) throws Exception {
        return json(http.perform(get("/api/v1/public/certificates/{code}", code).with(anonymous())).andExpect(status().isOk()));
    }

    @Test
    void anOwnershipCertificateIsVerifiedWithoutLoginShowingItsFieldsWithPersonalDataMasked() throws Exception {
        Certificates.IssuedCertificate issued = registerOwnership(ownerId, ownerName);

        JsonNode verified = verify(issued.verificationCode());
        assertThat(verified.get("document").asText()).isEqualTo("不动产权证书");
        assertThat(verified.get("number").asText()).isEqualTo(issued.certificateNo());
        assertThat(verified.get("statusLabel").asText()).isEqualTo("现势");
        assertThat(field(verified, "坐落")).isEqualTo(FilingFixture.LOCATION);
        assertThat(field(verified, "不动产单元号")).isEqualTo(unit);
        assertThat(field(verified, "权利人")).contains(Masking.name(ownerName), Masking.identifier(ownerId));
        assertThat(verified.toString()).doesNotContain(ownerName).doesNotContain(ownerId);
        // the code as printed, in groups and lower case, finds it too
        String printed = SignedDocuments.grouped(issued.verificationCode()).toLowerCase();
        assertThat(verify(printed).get("number").asText()).isEqualTo(issued.certificateNo());
    }

    @Test
    void thePdfCarriesTheNumberAndAQrCodeOfThePublicVerificationUrl() throws Exception {
        Certificates.IssuedCertificate issued = registerOwnership(ownerId, ownerName);

        MockHttpServletResponse response = http.perform(get("/api/v1/registrations/certificates/{no}/document", issued.certificateNo()))
                .andExpect(status().isOk()).andReturn().getResponse();
        byte[] pdf = response.getContentAsByteArray();
        assertThat(response.getHeader("X-Content-SM3")).isEqualTo(Sm3.hex(pdf));
        assertThat(response.getHeader("X-Signature")).isNotBlank();
        assertThat(DocumentFixture.text(pdf)).contains(issued.certificateNo(), ownerName, FilingFixture.LOCATION,
                SignedDocuments.grouped(issued.verificationCode()));
        assertThat(DocumentFixture.qrCode(pdf)).isEqualTo("http://localhost:8080/portal/public/verify?code=" + issued.verificationCode());
    }

    @Test
    void anUnknownVerificationCodeIsNotFound() throws Exception {
        http.perform(get("/api/v1/public/certificates/{code}", "ABCDEFGHJKLMNPQR").with(anonymous()))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/public/certificates/{code}", "not-a-code").with(anonymous()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCertificateWhoseStoredContentNoLongerMatchesItsSignatureShowsNothing() throws Exception {
        Certificates.IssuedCertificate issued = registerOwnership(ownerId, ownerName);
        // even the schema owner has to switch the guard off to edit an issued certificate; the signature still tells
        var db = owner.jdbc();
        String sealed = db.sql("SELECT content_sealed FROM registration_certificate WHERE certificate_no = ?")
                .param(issued.certificateNo()).query(String.class).single();
        String forged = cipher.encrypt(cipher.decrypt(sealed).replace(ownerName, "李四"));
        db.sql("ALTER TABLE registration_certificate DISABLE TRIGGER registration_certificate_no_update").update();
        try {
            db.sql("UPDATE registration_certificate SET content_sealed = ? WHERE certificate_no = ?")
                    .params(forged, issued.certificateNo()).update();
        } finally {
            db.sql("ALTER TABLE registration_certificate ENABLE TRIGGER registration_certificate_no_update").update();
        }

        String body = http.perform(get("/api/v1/public/certificates/{code}", issued.verificationCode()).with(anonymous()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("certificate.signature-invalid"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(unit).doesNotContain(FilingFixture.LOCATION).doesNotContain("李")
                .doesNotContain(Masking.name(ownerName));
    }

    @Test
    void aCertificateWhoseRegisterEntryWasEditedShowsNothing() throws Exception {
        Certificates.IssuedCertificate issued = registerOwnership(ownerId, ownerName);
        var db = owner.jdbc();
        db.sql("ALTER TABLE register_entry DISABLE TRIGGER register_entry_no_update").update();
        try {
            db.sql("UPDATE register_entry SET content = jsonb_set(content, '{basis}', '\"赠与\"') WHERE unit_code = ?").param(unit).update();
        } finally {
            db.sql("ALTER TABLE register_entry ENABLE TRIGGER register_entry_no_update").update();
        }
        String body = http.perform(get("/api/v1/public/certificates/{code}", issued.verificationCode()).with(anonymous()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("certificate.register-mismatch"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(unit).doesNotContain(FilingFixture.LOCATION);
    }

    @Test
    void aLaterTransferLeavesTheEarlierCertificateCancelled() throws Exception {
        Certificates.IssuedCertificate seller = registerOwnership(ownerId, ownerName);
        Certificates.IssuedCertificate buyer = registerOwnership(TestData.citizenId("19920202"), "赵小梅");

        assertThat(verify(seller.verificationCode()).get("statusLabel").asText()).isEqualTo("已注销");
        assertThat(verify(buyer.verificationCode()).get("statusLabel").asText()).isEqualTo("现势");
    }

    @Test
    void aMortgageGetsAProofNumberedAsAProofAndEndsWithItsRelease() throws Exception {
        registerOwnership(ownerId, ownerName);
        String number = numbers.next("320411", year, CertificateNumbers.Kind.PROOF);
        RegisterEntry mortgage = book.append(unit, RegisterEntry.Kind.MORTGAGE,
                DocumentFixture.mortgage(number, "91320400MA00000013", "中国工商银行股份有限公司常州分行", 1), "DJ-M", "registrar-320411");

        Certificates.IssuedCertificate proof = certificates.issue("DJ-M", unit, mortgage.seq());
        assertThat(proof.certificateNo()).matches("苏（" + year + "）常州市不动产证明第\\d{7}号");
        JsonNode verified = verify(proof.verificationCode());
        assertThat(verified.get("document").asText()).isEqualTo("不动产登记证明");
        assertThat(field(verified, "证明权利或事项")).isEqualTo("抵押权");
        assertThat(field(verified, "权利人")).contains("中国工商银行股份有限公司常州分行");
        assertThat(field(verified, "义务人")).contains(Masking.name(ownerName)).doesNotContain(ownerName);
        assertThat(verified.get("statusLabel").asText()).isEqualTo("现势");
        // asked again (a retried 缮证), the one issued
        assertThat(certificates.issue("DJ-M", unit, mortgage.seq())).isEqualTo(proof);

        book.append(unit, RegisterEntry.Kind.MORTGAGE_RELEASE, java.util.Map.of("releases", mortgage.seq()), "DJ-R", "registrar-320411");
        assertThat(verify(proof.verificationCode()).get("statusLabel").asText()).isEqualTo("已注销");
    }

    @Test
    void onlyTheOwnersAmongCitizensMayDownloadACertificate() throws Exception {
        Caller theOwner = TestCitizens.withAccount(context, ownerId, ownerName);
        Caller someoneElse = TestCitizens.withAccount(context, TestData.citizenId("19770707"), "钱多多");
        Certificates.IssuedCertificate issued = registerOwnership(ownerId, ownerName);

        http.perform(get("/api/v1/registrations/certificates/{no}/document", issued.certificateNo()).with(TestCallers.as(someoneElse)))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/registrations/certificates/{no}/document", issued.certificateNo()).with(TestCallers.as(theOwner)))
                .andExpect(status().isOk());
        // registration staff of another district do not see it either
        Caller otherDistrict = new Caller("registrar-320481", cn.tongban.identity.ActorKind.STAFF, "11320481MB0000000X", "溧阳市",
                cn.tongban.identity.DepartmentType.REGISTRATION, java.util.Set.of("320481"), false, java.util.Set.of("registrar"),
                java.util.Set.of(cn.tongban.identity.Permissions.REGISTRATION_CERTIFICATE_QUERY), java.util.Set.of(), null);
        http.perform(get("/api/v1/registrations/certificates/{no}/document", issued.certificateNo()).with(TestCallers.as(otherDistrict)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePublishedKeyVerifiesWhatTheKeySigns() throws Exception {
        JsonNode key = json(http.perform(get("/api/v1/public/certificates/signing-key").with(anonymous())).andExpect(status().isOk()));
        assertThat(key.get("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        Certificates.IssuedCertificate issued = registerOwnership(ownerId, ownerName);
        var row = owner.jdbc().sql("SELECT content_sealed, pdf_sm3, signature FROM registration_certificate WHERE certificate_no = ?")
                .param(issued.certificateNo()).query().singleRow();
        String signed = cipher.decrypt((String) row.get("content_sealed")) + "\n" + row.get("pdf_sm3");
        assertThat(cn.tongban.kernel.crypto.Sm2SigningKey.verify(key.get("publicKeyHex").asText(), signed, (String) row.get("signature")))
                .isTrue();
    }
}
