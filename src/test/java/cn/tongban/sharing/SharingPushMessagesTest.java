package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.tongban.MessageBundles;

/** Every rule code of the push and the event feed is explained in zh-CN and English, and no message is left over. */
class SharingPushMessagesTest {

    private static final Pattern CODE_LITERAL = Pattern.compile("\"((?:subscription|event-feed)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() throws IOException {
        Set<String> codes = MessageBundles.codes("src/main/java/cn/tongban/sharing", CODE_LITERAL);
        assertThat(codes).contains("subscription.url-https-required", "event-feed.limit");
        MessageBundles.assertExplained(codes, "i18n/sharing-push");
    }
}
