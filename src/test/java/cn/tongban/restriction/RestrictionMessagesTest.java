package cn.tongban.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every rule code of the restriction module is explained in zh-CN and English, and no message is left over. */
class RestrictionMessagesTest {

    private static final Pattern CODE_LITERAL = Pattern.compile("\"((?:seizure|mortgage|lock|debtor|debtor-import)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");

    @Test
    void everyCodeHasAMessageInBothLanguagesAndEveryMessageACode() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/tongban/restriction"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE_LITERAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        assertThat(codes).contains("seizure.already-released", "debtor-import.missing-column");
        Properties zh = load("i18n/restriction.properties");
        Properties en = load("i18n/restriction_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        Set<String> rules = new TreeSet<>();
        zh.stringPropertyNames().stream().filter(k -> k.startsWith("rule.")).forEach(k -> rules.add(k.substring("rule.".length())));
        assertThat(rules).isEqualTo(codes);
        zh.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
        en.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RestrictionMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
