package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.tongban.MessageBundles;

/** Every rule code of the registration module is explained in zh-CN and English, and no message is left over. */
class RegistrationMessagesTest {

    private static final Pattern CODE_LITERAL = Pattern.compile("\"((?:certificate|notice|housing-record|property|statistics|registration)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() throws IOException {
        Set<String> codes = MessageBundles.codes("src/main/java/cn/tongban/registration", CODE_LITERAL);
        assertThat(codes).contains("certificate.province-not-served", "property.one-criterion", "statistics.range-too-long");
        // the machine checks' refusals are coded registration.check.<check>, one per check the checks create
        java.util.regex.Matcher check = Pattern.compile("new Check\\(\"([a-zA-Z]+)\"").matcher(java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/java/cn/tongban/registration/MachineChecks.java")));
        Set<String> all = new java.util.TreeSet<>(codes);
        while (check.find()) {
            all.add("registration.check." + check.group(1));
        }
        assertThat(all).contains("registration.check.taxPaid", "registration.check.seizure");
        MessageBundles.assertExplained(all, "i18n/registration");
    }
}
