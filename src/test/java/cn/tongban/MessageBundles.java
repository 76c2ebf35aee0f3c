package cn.tongban;

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

/** Checks a module's message bundle against the rule codes its sources use. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** The codes the pattern's first group finds in the Java sources of the directory. */
    public static Set<String> codes(String directory, Pattern literal) throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }

    /**
     * The bundle ({@code i18n/<name>.properties} and {@code _en}) has the same keys in both languages, a
     * {@code rule.<code>} for each code and no other rule, and no apostrophe (MessageFormat would drop it).
     */
    public static void assertExplained(Set<String> codes, String bundle) throws IOException {
        Properties zh = load(bundle + ".properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        Set<String> rules = new TreeSet<>();
        zh.stringPropertyNames().stream().filter(k -> k.startsWith("rule.")).forEach(k -> rules.add(k.substring("rule.".length())));
        assertThat(rules).isEqualTo(codes);
        zh.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
        en.forEach((key, message) -> assertThat((String) message).as((String) key).doesNotContain("'"));
    }

    /**
     * {@link #codes} and {@link #assertExplained} together.
     *
     * @return the codes found, for the caller to check some it knows
     */
    public static Set<String> assertEveryCodeHasAMessageInBothLanguages(Path sources, Pattern codeLiteral, String bundle)
            throws IOException {
        Set<String> codes = codes(sources.toString(), codeLiteral);
        assertExplained(codes, bundle);
        return codes;
    }

    public static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
