package cn.tongban.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.tongban.MessageBundles;

/** Every rule code of the tax module is explained in zh-CN and English, and no message is left over. */
class TaxMessagesTest {

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() throws Exception {
        assertThat(MessageBundles.assertEveryCodeHasAMessageInBothLanguages(Path.of("src/main/java/cn/tongban/tax"),
                Pattern.compile("\"(tax\\.[a-z0-9]+(?:-[a-z0-9]+)*)\""), "i18n/tax"))
                .contains("tax.rules-not-loaded-before", "tax.exchange-difference-required");
    }
}
