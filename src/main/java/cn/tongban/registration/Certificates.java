package cn.tongban.registration;

import org.springframework.stereotype.Component;

/** PLACEHOLDER until the documents branch is merged. */
@Component
class Certificates {

    record IssuedCertificate(String certificateNo, String verificationCode) {
    }

    private final RegisterBook book;

    Certificates(RegisterBook book) {
        this.book = book;
    }

    IssuedCertificate issue(String applicationNo, String unitCode, int entrySeq) {
        RegisterEntry entry = book.entries(unitCode).get(entrySeq - 1);
        return new IssuedCertificate((String) entry.content().get("certificateNumber"), "PLACEHOLDER");
    }
}
