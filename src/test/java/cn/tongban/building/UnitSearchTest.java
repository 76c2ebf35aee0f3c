package cn.tongban.building;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/**
 * What the registration module's queries ask of the 楼盘表: units by 坐落 in the caller's scope, a unit whatever the
 * scope (a citizen's own home), and the unit of an imported certificate.
 */
@IntegrationTest
class UnitSearchTest {

    @Autowired
    MockMvc http;
    @Autowired
    BuildingTable table;
    @Autowired
    UnitOwners owners;

    String street;
    String building;

    @BeforeEach
    void units() throws Exception {
        BuildingFixture fixture = new BuildingFixture(http);
        building = fixture.building(6).get("buildingCode").asText();
        street = "常州市新北区坐落检索路" + TestData.next() + "弄";
        StringBuilder csv = new StringBuilder(BuildingFixture.HEADER).append('\n');
        for (int seq = 1; seq <= 3; seq++) {
            csv.append(BuildingFixture.row(building, seq, seq).replace("常州市新北区测试路" + seq + "号", street + seq + "号")).append('\n');
        }
        fixture.importCsv(csv.toString());
    }

    private static <T> T as(Caller caller, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aLocationFindsTheUnitsOnItInTheCallersScopeOnlyAndPercentIsNoWildcard() {
        Page<UnitView> found = as(TestCallers.districtClerk("320411"), () -> table.findUnitsByLocation(street, new PageRequest(0, 2)));
        assertThat(found.total()).isEqualTo(3);
        assertThat(found.items()).extracting(UnitView::unitCode).containsExactly(building + "0001", building + "0002");

        assertThat(as(TestCallers.districtClerk("320402"), () -> table.findUnitsByLocation(street, new PageRequest(0, 20))).total())
                .isZero();
        assertThat(as(TestCallers.districtClerk("320411"), () -> table.findUnitsByLocation("常州市新北区%检索", new PageRequest(0, 20))).total())
                .isZero();
    }

    @Test
    void aUnitIsFoundWhateverTheScopeOnlyThroughTheScopeFreeLookup() {
        String unit = building + "0001";
        Caller citizen = new Caller("citizen-" + TestData.next(), ActorKind.CITIZEN, null, null, null, java.util.Set.of(), false,
                java.util.Set.of("citizen"), java.util.Set.of(), java.util.Set.of(), null);

        assertThat(as(citizen, () -> table.findUnit(unit))).isEmpty();
        assertThat(as(citizen, () -> table.findUnitCityWide(unit))).map(UnitView::location).contains(street + "1号");
    }

    @Test
    void anImportedCertificateNumberFindsItsUnit() {
        String unit = building + "0002";
        String certificate = "苏（2019）常州市不动产权第%07d号".formatted(TestData.next());
        owners.register(unit, List.of(new UnitOwners.Owner("孙立", "01", TestData.citizenId("19750101"), null, "01", null,
                certificate, LocalDate.of(2019, 5, 20))));

        assertThat(table.unitWithCertificate(certificate)).contains(unit);
        assertThat(table.unitWithCertificate(certificate + "1")).isEmpty();
    }
}
