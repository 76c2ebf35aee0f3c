package cn.tongban.identity;

import org.springframework.context.ApplicationContext;

import cn.tongban.kernel.CitizenIdNumber;

/** Citizens with a portal account, for the tests of modules that serve citizens (a tax declaration's parties). */
public final class TestCitizens {

    private TestCitizens() {
    }

    /** Creates the citizen's account and returns them as the platform sees them once signed in. */
    public static Caller withAccount(ApplicationContext context, String idNumber, String name) {
        return CitizenAccounts.citizen(
                context.getBean(CitizenAccounts.class).create(CitizenIdNumber.of(idNumber), name, "a long pass phrase", false));
    }
}
