package cn.tongban.sharing;

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

/**
 * Every rule code and every “needs a decision” reason of the catalog, deliveries and assessment is explained in zh-CN
 * and English, and no message is left over.
 */
class CatalogMessagesTest {

    private static final Pattern CODE = Pattern.compile("\"((?:catalog|catalog-import|delivery|assessment)\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final Pattern REASON = Pattern.compile("undecided\\(\"([a-z-]+)\"\\)");

    @Test
    void everyCodeAndReasonHasAMessageInBothLanguagesAndEveryMessageACode() throws IOException {
        Set<String> codes = new TreeSet<>();
        Set<String> reasons = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/tongban/sharing"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(Catalog|Schedule|Delivery|Deliveries|Assessment).*\\.java")).toList()) {
                String source = Files.readString(file);
                Matcher code = CODE.matcher(source);
                while (code.find()) {
                    codes.add(code.group(1));
                }
                Matcher reason = REASON.matcher(source);
                while (reason.find()) {
                    reasons.add(reason.group(1));
                }
            }
        }
        assertThat(codes).contains("delivery.count-mismatch", "catalog-import.duplicate-no");
        assertThat(reasons).contains("unit-missing", "number-missing", "unreadable");
        Properties zh = load("i18n/sharing-catalog.properties");
        Properties en = load("i18n/sharing-catalog_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        Set<String> rules = new TreeSet<>();
        Set<String> explained = new TreeSet<>();
        for (String key : zh.stringPropertyNames()) {
            if (key.startsWith("rule.")) {
                rules.add(key.substring("rule.".length()));
            } else if (key.startsWith("schedule.")) {
                explained.add(key.substring("schedule.".length()));
            }
        }
        assertThat(rules).isEqualTo(codes);
        assertThat(explained).isEqualTo(reasons);
        zh.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
        en.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CatalogMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
