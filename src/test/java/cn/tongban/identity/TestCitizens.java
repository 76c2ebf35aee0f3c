package cn.tongban.identity;

import org.springframework.context.ApplicationContext;

import cn.tongban.kernel.CitizenIdNumber;

/** Citizens with a portal account, for the tests of modules that serve citizens (a tax declaration's parties). */
public final class TestCitizens {

    private TestCitizens() {
    }

    /** Creates the citizen's account and returns them as the platform sees them once signed in. */
    public static Caller withAccount(ApplicationContext context, String idNumber, String name) {
        long id = context.getBean(CitizenAccounts.class).create(CitizenIdNumber.of(idNumber), name, "a long pass phrase", false);
        return new Caller("citizen-" + id, ActorKind.CITIZEN, null, null, null, java.util.Set.of(), false,
                java.util.Set.of("citizen"), java.util.Set.of(), java.util.Set.of(), null);
    }
}
