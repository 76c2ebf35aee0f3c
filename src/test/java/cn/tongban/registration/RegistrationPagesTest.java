package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/**
 * The registration pages (issue #8) answer only whom the API answers: the console to registrars of the application's
 * district, the portal to citizens who are its parties, the verification page to anyone.
 */
@IntegrationTest
class RegistrationPagesTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    Halls halls;

    RegistrationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RegistrationFixture(http, context);
    }

    /** A registrar of one district, as a registration centre's staff sign in. */
    static Caller registrar(String district) {
        return new Caller("registrar-" + district + "-" + TestData.next(), ActorKind.STAFF, "12" + district + "MB00000" + district.substring(3) + "X",
                "不动产登记中心" + district, DepartmentType.REGISTRATION, Set.of(district), false, Set.of("registrar"),
                Set.of(Permissions.REGISTRATION_HANDLE, Permissions.REGISTRATION_FEE_CONFIRM), Set.of(), null);
    }

    @Test
    void theQueueListsTheApplicationsOfTheRegistrarsDistrictOnly() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);

        assertThat(page("/console/registration?step=accept", registrar("320411"))).contains(no);
        assertThat(page("/console/registration?step=accept", registrar("320402"))).doesNotContain(no);
    }

    @Test
    void aRegistrarOfAnotherDistrictGetsNotFoundForTheApplicationPage() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);

        String own = page("/console/registration/applications/" + no, registrar("320411"));
        assertThat(own).contains(no).contains("accept-form");
        // parties masked as the API masks them: the buyer's ID number never in full
        assertThat(own).doesNotContain(sale.buyerId());
        http.perform(get("/console/registration/applications/{no}", no).with(TestCallers.as(registrar("320402"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void theConsoleNeedsTheHandlePermissionAndASignIn() throws Exception {
        http.perform(get("/console/registration").with(TestCallers.as(TestCallers.withPermissions(Permissions.REGISTRATION_PROPERTY_QUERY)))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        http.perform(get("/console/registration").with(anonymous()).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?next=%2Fconsole%2Fregistration"));
    }

    @Test
    void theCitizenSeesTheirApplicationAndStaffCannotOpenThePortal() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);

        assertThat(page("/portal/registration", sale.buyer())).contains(no);
        assertThat(page("/portal/registration/applications/" + no, sale.buyer())).contains("pay-form").contains("book-form");
        http.perform(get("/portal/registration").with(TestCallers.as(registrar("320411"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSlotsFragmentOffersTheFreeSlotsOfAWorkingDay() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        Halls.Hall hall = halls.list(null).get(0);
        java.time.LocalDate day = java.time.LocalDate.now(Halls.ZONE).plusDays(7);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        String slots = page("/portal/registration/slots?hallId=" + hall.id() + "&date=" + day, sale.buyer());
        assertThat(slots).contains("type=\"radio\"").contains("value=\"09:00\"").doesNotContain("<html");
        // a Sunday has none
        String sunday = page("/portal/registration/slots?hallId=" + hall.id() + "&date=" + day.with(java.time.DayOfWeek.SUNDAY), sale.buyer());
        assertThat(sunday).doesNotContain("type=\"radio\"");
    }

    @Test
    void theApplyPageShowsThePrefilledContractOnlyToItsParties() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();

        String mine = page("/portal/registration/apply?filingCode=" + sale.filingCode(), sale.buyer());
        assertThat(mine).contains("apply-form").contains(sale.unitCode()).doesNotContain(sale.buyerId());
        RegistrationFixture.Sale other = fixture.filedSale();
        String theirs = page("/portal/registration/apply?filingCode=" + sale.filingCode(), other.buyer());
        assertThat(theirs).doesNotContain("apply-form").doesNotContain(sale.unitCode());
    }

    @Test
    void theRegisterBookPageShowsTheEntriesAndTheChain() throws Exception {
        RegistrationFixture.Sale sale = fixture.registeredTransfer();

        String book = page("/console/registration/units/" + sale.unitCode(), registrar("320411"));
        assertThat(book).contains("data-verifies=\"true\"").contains("不动产权第").doesNotContain(sale.buyerId());
        http.perform(get("/console/registration/units/{u}", sale.unitCode()).with(TestCallers.as(registrar("320402"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void theVerificationPageIsPublicAndSaysWhenACodeIsUnknown() throws Exception {
        String body = http.perform(get("/portal/public/verify").param("code", "ABCD-EFGH-JKLM-NPQR").with(anonymous()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("data-failure=\"unknown\"").doesNotContain("id=\"verified\"");
    }

    private String page(String url, Caller caller) throws Exception {
        return http.perform(get(url).with(TestCallers.as(caller)).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
