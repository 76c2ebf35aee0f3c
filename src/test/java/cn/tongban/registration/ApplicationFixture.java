package cn.tongban.registration;

import java.time.OffsetDateTime;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCitizens;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * Registration applications for the tests of materials and appointments, written straight into the tables the
 * application workflow owns (the workflow's own tests submit them through the API).
 */
final class ApplicationFixture {

    /** An application and the citizen with a portal account who is its right holder. */
    record Applied(Caller citizen, String applicationNo) {
    }

    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    ApplicationFixture(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.cipher = context.getBean(PersonalDataCipher.class);
    }

    /** A SUBMITTED application whose right holder is a new citizen with a portal account. */
    Applied byCitizen(String businessType, String district) {
        String idNumber = TestData.citizenId("19850707");
        Caller citizen = TestCitizens.withAccount(context, idNumber, "申请人");
        return new Applied(citizen, submitted(businessType, district, idNumber));
    }

    /** A SUBMITTED application of the business type for a unit in the district, with the citizen as its right holder. */
    String submitted(String businessType, String district, String rightHolderIdNumber) {
        int n = TestData.next();
        String applicationNo = "DJ" + district + "20261124" + "%06d".formatted(n % 1_000_000);
        String unit = district + "001001GB00100F" + "%08d".formatted(80_000_000 + n);
        jdbc.sql("""
                INSERT INTO registration_application (application_no, business_type, unit_code, district_code, channel,
                                                      submitted_by, status, submitted_at)
                VALUES (?, ?, ?, ?, 'ONLINE', 'test-fixture', 'SUBMITTED', ?)""")
                .params(applicationNo, businessType, unit, district, OffsetDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO registration_party (application_no, position, role, id_type, id_number_sealed, id_number_index,
                                                name_sealed)
                VALUES (?, 1, 'RIGHT_HOLDER', 'ID_CARD', ?, ?, ?)""")
                .params(applicationNo, cipher.encrypt(rightHolderIdNumber), cipher.blindIndex(rightHolderIdNumber),
                        cipher.encrypt("权利人" + n))
                .update();
        return applicationNo;
    }

    void status(String applicationNo, String status) {
        jdbc.sql("UPDATE registration_application SET status = ? WHERE application_no = ?").params(status, applicationNo).update();
    }

    int hallVisits(String applicationNo) {
        return jdbc.sql("SELECT hall_visits FROM registration_application WHERE application_no = ?").param(applicationNo)
                .query(Integer.class).single();
    }
}
