package cn.tongban.identity;

import java.util.List;

import org.springframework.context.ApplicationContext;

import cn.tongban.TestData;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.UnifiedSocialCreditCode;

/**
 * Accounts that sign in for real with a password, as the demo users do — for browser journeys and sign-in tests,
 * where a MockMvc {@link TestCallers caller} will not do. Each call makes a new department and user (unique names,
 * tests share one database).
 */
public final class TestAccounts {

    /** The password of every account made here (12+ characters with letters and digits, as the platform asks). */
    public static final String PASSWORD = "journey pass 2026";

    private TestAccounts() {
    }

    /**
     * A staff user in a new department of this type: city-wide when no district is given, otherwise of those
     * GB/T 2260 districts. The roles must be of the department's type (see the roles migration), e.g. a TAX
     * department's {@code tax-officer}, REGISTRATION's {@code registrar}, HOUSING's {@code housing-clerk}.
     *
     * @return the user name to sign in with
     */
    public static String staff(ApplicationContext context, DepartmentType type, List<String> districts, String... roles) {
        int n = TestData.next();
        Accounts accounts = context.getBean(Accounts.class);
        long department = accounts.department(UnifiedSocialCreditCode.of(TestData.creditCode()), "测试部门" + type + n, type,
                districts.isEmpty(), districts);
        String username = String.join("-", roles) + "-" + n;
        accounts.staff(username, "测试人员" + n, department, PASSWORD, false, List.of(roles));
        return username;
    }

    /** The department's name of {@link #staff}'s user, as the console's header shows it. */
    public static String departmentOf(ApplicationContext context, String username) {
        return context.getBean(Directory.class).staff(username).orElseThrow().caller().departmentName();
    }

    /**
     * A citizen's portal account with {@link #PASSWORD}.
     *
     * @return the ID number to sign in with
     */
    public static String citizen(ApplicationContext context, String idNumber, String name) {
        context.getBean(CitizenAccounts.class).create(CitizenIdNumber.of(idNumber), name, PASSWORD, false);
        return idNumber;
    }

    /** A new citizen with a portal account, born on 1985-03-14. */
    public static String citizen(ApplicationContext context) {
        return citizen(context, TestData.citizenId("19850314"), "测试市民");
    }
}
