package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.tongban.MessageBundles;

/** Every rule code of materials and appointments is explained in zh-CN and English, and no message is left over. */
class RegistrationMaterialsMessagesTest {

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() throws Exception {
        assertThat(MessageBundles.assertEveryCodeHasAMessageInBothLanguages(Path.of("src/main/java/cn/tongban/registration"),
                Pattern.compile("\"((?:material|appointment|hall)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\""), "i18n/registration-materials"))
                .contains("material.too-large", "appointment.slot-full");
    }
}
