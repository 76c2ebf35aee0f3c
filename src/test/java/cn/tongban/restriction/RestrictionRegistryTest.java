package cn.tongban.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;

/** What the filing module's verification asks (建房规〔2020〕4号 二（五）、（六）) is answered as the API recorded it. */
@IntegrationTest
class RestrictionRegistryTest {

    @Autowired
    MockMvc http;
    @Autowired
    RestrictionRegistry registry;

    @Test
    void registryAnswersSeizuresMortgagesLocksAndDebtorsAsRecorded() throws Exception {
        RestrictionFixture fixture = new RestrictionFixture(http);
        RestrictionFixture.Estate estate = fixture.estate(RestrictionFixture.XINBEI, 2);
        String unit = estate.units().get(0);
        String other = estate.units().get(1);
        LocalDate today = LocalDate.now(UnitFlags.CHINA);

        String seizureDocument = RestrictionFixture.documentNo();
        fixture.seize(unit, seizureDocument).andExpect(status().isCreated());
        long released = fixture.body(fixture.seize(unit, RestrictionFixture.documentNo())).get("id").asLong();
        fixture.release("seizures", released, "解封").andExpect(status().isOk());
        String mortgageDocument = RestrictionFixture.documentNo();
        fixture.mortgage(unit, mortgageDocument).andExpect(status().isCreated());
        http.perform(post("/api/v1/policy-locks").contentType(MediaType.APPLICATION_JSON).content("""
                        {"projectId":%d,"until":"%s","reason":"限售","documentNo":"常住建〔2026〕7号"}"""
                        .formatted(estate.projectId(), today.plusYears(2))))
                .andExpect(status().isCreated());

        assertThat(registry.seizures(unit, today)).singleElement().satisfies(s -> {
            assertThat(s.documentNo()).isEqualTo(seizureDocument);
            assertThat(s.kind()).isEqualTo(RestrictionRegistry.SeizureKind.SEIZURE);
            assertThat(s.court()).isEqualTo("常州市天宁区人民法院");
            assertThat(s.from()).isEqualTo(LocalDate.of(2026, 1, 5));
        });
        assertThat(registry.seizures(unit, LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(registry.seizures(other, today)).isEmpty();
        assertThat(registry.mortgages(unit)).singleElement().satisfies(m -> {
            assertThat(m.documentNo()).isEqualTo(mortgageDocument);
            assertThat(m.rank()).isEqualTo(1);
            assertThat(m.mortgagee()).isEqualTo("中国工商银行股份有限公司常州分行");
        });
        assertThat(registry.mortgages(other)).isEmpty();
        assertThat(registry.locks(other, estate.projectId(), today)).singleElement().satisfies(l -> {
            assertThat(l.projectId()).isEqualTo(estate.projectId());
            assertThat(l.unitCode()).isNull();
            assertThat(l.documentNo()).isEqualTo("常住建〔2026〕7号");
        });
        assertThat(registry.locks(other, estate.projectId(), today.plusYears(3))).isEmpty();

        String idNumber = TestData.citizenId("19800101");
        http.perform(post("/api/v1/dishonest-debtors").contentType(MediaType.APPLICATION_JSON).content("""
                        {"idNumber":"%s","name":"张三","caseNo":"（2026）苏0402执77号","court":"常州市天宁区人民法院","publishedOn":"2026-02-01"}"""
                        .formatted(idNumber)))
                .andExpect(status().isCreated());
        assertThat(registry.dishonestDebtor(idNumber.toLowerCase())).hasValue(
                new RestrictionRegistry.DishonestDebtor("（2026）苏0402执77号", "常州市天宁区人民法院", LocalDate.of(2026, 2, 1)));
        assertThat(registry.dishonestDebtor(TestData.citizenId("19800102"))).isEmpty();
    }
}
