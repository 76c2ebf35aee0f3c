package cn.tongban.kernel;

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

/** Every rule code the kernel throws is explained in zh-CN and English, and no message is left over. */
class KernelMessagesTest {

    /** A rule code as a string literal, e.g. "id-number.check-character". */
    private static final Pattern CODE_LITERAL = Pattern.compile("\"([a-z]+(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void zhAndEnHaveTheSameKeys() throws IOException {
        assertThat(load("i18n/kernel_en.properties").stringPropertyNames())
                .isEqualTo(load("i18n/kernel.properties").stringPropertyNames());
    }

    @Test
    void everyCodeThrownHasAMessageAndEveryMessageACode() throws IOException {
        Set<String> codes = codesInSource();
        assertThat(codes).contains("id-number.check-character", "credit-code.organization-code-check",
                "unit-code.parcel-feature", "division.unknown", "money.negative", "area.precision");
        Set<String> keys = new TreeSet<>();
        for (String key : load("i18n/kernel.properties").stringPropertyNames()) {
            keys.add(key.substring("rule.".length()));
        }
        assertThat(keys).isEqualTo(codes);
    }

    @Test
    void zhAndEnUseTheSameArguments() throws IOException {
        Properties zh = load("i18n/kernel.properties");
        Properties en = load("i18n/kernel_en.properties");
        for (String key : zh.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(key))).as(key).isEqualTo(placeholders(zh.getProperty(key)));
        }
    }

    @Test
    void messagesHaveNoApostropheForMessageFormatToSwallow() throws IOException {
        for (Properties messages : new Properties[] {load("i18n/kernel.properties"), load("i18n/kernel_en.properties")}) {
            messages.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
        }
    }

    private static Set<String> codesInSource() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/cn/tongban/kernel"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("InvalidValueException(")) {
                    continue;
                }
                Matcher matcher = CODE_LITERAL.matcher(source);
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }

    private static Set<String> placeholders(String message) {
        Set<String> indexes = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            indexes.add(matcher.group(1));
        }
        return indexes;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KernelMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
