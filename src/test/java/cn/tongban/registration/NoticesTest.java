package cn.tongban.registration;

import static cn.tongban.registration.DocumentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.crypto.Sm3;

/**
 * 受理通知书, 补正材料通知书 and 不予受理通知书 (互联网+不动产登记建设指南 三（一）1; 不动产登记暂行条例 第十七条): signed PDFs listed
 * to those who may see the application.
 */
@IntegrationTest
class NoticesTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notices notices;
    @Autowired
    ApplicationContext context;

    String applicationNo;

    @BeforeEach
    void anApplication() throws Exception {
        String unit = new FilingFixture(http).unitsOnSale(1).get(0);
        applicationNo = "DJ320411" + "20261124" + "%06d".formatted(TestData.next() % 1_000_000);
        jdbc.sql("""
                INSERT INTO registration_application (application_no, business_type, unit_code, district_code, channel, submitted_by,
                                                      status, submitted_at)
                VALUES (?, 'TRANSFER', ?, '320411', 'ONLINE', 'citizen-0', 'SUBMITTED', ?)""")
                .params(applicationNo, unit, OffsetDateTime.parse("2026-11-24T09:30:00+08:00")).update();
    }

    private JsonNode listed() throws Exception {
        return json(http.perform(get("/api/v1/registrations/{no}/notices", applicationNo)).andExpect(status().isOk()));
    }

    private String pdfText(String noticeNo) throws Exception {
        MockHttpServletResponse response = http.perform(get("/api/v1/registrations/{no}/notices/{notice}", applicationNo, noticeNo))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getHeader("X-Content-SM3")).isEqualTo(Sm3.hex(response.getContentAsByteArray()));
        return DocumentFixture.text(response.getContentAsByteArray());
    }

    @Test
    void aSupplementNoticeListsExactlyTheMissingItems() throws Exception {
        List<String> missing = List.of("不动产权属来源证明材料（已备案的买卖合同）", "申请人身份证明（共有人李梅）");
        Notices.IssuedNotice issued = notices.issue(applicationNo, NoticeKind.SUPPLEMENT, missing, null);

        JsonNode notice = listed().get(0);
        assertThat(listed()).hasSize(1);
        assertThat(notice.get("noticeNo").asText()).isEqualTo(issued.noticeNo());
        List<String> items = new ArrayList<>();
        notice.get("items").forEach(i -> items.add(i.asText()));
        assertThat(items).containsExactlyElementsOf(missing);
        String text = pdfText(issued.noticeNo());
        assertThat(text).contains(NoticeKind.SUPPLEMENT.title, applicationNo, "转移登记", FilingFixture.LOCATION);
        for (String item : missing) {
            assertThat(text.replaceAll("\\s", "")).contains(item.replaceAll("\\s", ""));
        }
    }

    @Test
    void aRejectionNoticeGivesTheReasonAndTheRemedy() throws Exception {
        Notices.IssuedNotice issued = notices.issue(applicationNo, NoticeKind.REJECTION, List.of(), "申请登记的不动产不属于本机构登记管辖范围");
        String text = pdfText(issued.noticeNo()).replaceAll("\\s", "");
        assertThat(text).contains(NoticeKind.REJECTION.title, "申请登记的不动产不属于本机构登记管辖范围", "行政复议", "行政诉讼");
    }

    @Test
    void aSupplementWithoutItemsAndARejectionWithoutReasonAreRefused() {
        assertThatThrownBy(() -> notices.issue(applicationNo, NoticeKind.SUPPLEMENT, List.of(" "), null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("notice.items-required");
        assertThatThrownBy(() -> notices.issue(applicationNo, NoticeKind.REJECTION, List.of(), null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("notice.reason-required");
    }

    @Test
    void aCitizenWhoIsNoPartySeesNoNotices() throws Exception {
        Notices.IssuedNotice issued = notices.issue(applicationNo, NoticeKind.ACCEPTANCE, List.of(), null);
        var stranger = TestCitizens.withAccount(context, TestData.citizenId("19660606"), "孙悟");
        http.perform(get("/api/v1/registrations/{no}/notices", applicationNo).with(TestCallers.as(stranger)))
                .andExpect(status().isNotFound());
        http.perform(get("/api/v1/registrations/{no}/notices/{notice}", applicationNo, issued.noticeNo()).with(TestCallers.as(stranger)))
                .andExpect(status().isNotFound());
    }
}
