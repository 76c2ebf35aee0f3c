package cn.tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Checks a module's message bundle against the rule codes its sources use. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /**
     * Every code literal of the module's sources has a {@code rule.<code>} message in both languages, every rule
     * message a code, and no message an apostrophe (MessageFormat would swallow it).
     *
     * @param sources     the module's main source folder
     * @param codeLiteral matches a quoted code, the code in group 1
     * @param bundle      e.g. {@code i18n/tax} (zh-CN), with {@code _en} next to it
     * @return the codes found, for the caller to check some it knows
     */
    public static Set<String> assertEveryCodeHasAMessageInBothLanguages(Path sources, Pattern codeLiteral, String bundle) {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = codeLiteral.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties zh = load(bundle + ".properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        Set<String> rules = new TreeSet<>();
        zh.stringPropertyNames().stream().filter(k -> k.startsWith("rule.")).forEach(k -> rules.add(k.substring("rule.".length())));
        assertThat(rules).isEqualTo(codes);
        zh.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
        en.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
        return codes;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
