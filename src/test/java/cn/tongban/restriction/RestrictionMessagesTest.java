package cn.tongban.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.tongban.MessageBundles;

/** Every rule code of the restriction module is explained in zh-CN and English, and no message is left over. */
class RestrictionMessagesTest {

    private static final Pattern CODE_LITERAL = Pattern.compile("\"((?:seizure|mortgage|lock|debtor|debtor-import)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() {
        assertThat(MessageBundles.assertEveryCodeHasAMessageInBothLanguages(Path.of("src/main/java/cn/tongban/restriction"),
                CODE_LITERAL, "i18n/restriction")).contains("seizure.already-released", "debtor-import.missing-column");
    }
}
