package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.tongban.MessageBundles;

/** Every rule code of the registration module is explained in zh-CN and English, and no message is left over. */
class RegistrationMessagesTest {

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() throws Exception {
        assertThat(MessageBundles.assertEveryCodeHasAMessageInBothLanguages(Path.of("src/main/java/cn/tongban/registration"),
                Pattern.compile("\"((?:certificate|notice|housing-record|registration)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\""), "i18n/registration"))
                .contains("certificate.signature-invalid", "notice.items-required", "housing-record.name-required");
    }
}
