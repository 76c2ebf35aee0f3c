package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import cn.tongban.IntegrationTest;

/**
 * Issue #8: every text of every page exists in Chinese and in English — the message keys of all templates
 * ({@code templates/**}, every module's), of every menu entry, and the ones the foundation builds at run time — each
 * in a bundle of {@code spring.messages.basename} in both its files ({@code x.properties} and {@code x_en.properties}).
 */
@IntegrationTest
class PageMessagesTest {

    /** A literal key in a template: {@code #{web.signIn}} or {@code #{web.signIn(${x})}}; keys built at run time are not literal. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[(}]");

    @Value("${spring.messages.basename}")
    String basenames;

    @Autowired
    ConsoleMenu menu;

    @Test
    void everyMessageKeyOfTheTemplatesIsInBothLanguages() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                // parser-level comments (<!--/* … */-->) are documentation, not rendered
                Matcher m = KEY.matcher(Files.readString(template).replaceAll("(?s)<!--/\\*.*?\\*/-->", ""));
                while (m.find()) {
                    used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(template.getFileName().toString());
                }
            }
        }
        assertThat(used).containsKeys("web.signIn", "web.login.heading");
        assertInBothLanguages(used);
    }

    @Test
    void everyMenuEntryAndEveryKeyTheFoundationBuildsIsInBothLanguages() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        menu.entries().forEach(e -> {
            used.computeIfAbsent(e.section(), k -> new TreeSet<>()).add("menu entry " + e.url());
            used.computeIfAbsent(e.labelKey(), k -> new TreeSet<>()).add("menu entry " + e.url());
        });
        for (String status : List.of("400", "403", "404", "500")) {
            used.put("web.error." + status + ".title", Set.of("layout/error.html"));
            used.put("web.error." + status + ".text", Set.of("layout/error.html"));
        }
        HomePages.TOPICS.forEach(topic -> {
            used.put("web.landing.what." + topic, Set.of("web/landing.html"));
            used.put("web.landing.what." + topic + ".text", Set.of("web/landing.html"));
        });
        HomePages.DEMO_USERS.forEach(user -> used.put("web.demo." + user, Set.of("web/landing.html")));
        for (String code : List.of("login.failed", "login.locked", "login.disabled")) {
            used.put("web.login.error." + code, Set.of("web/login.html"));
        }
        assertInBothLanguages(used);
    }

    @Test
    void thePageBundlesHaveTheSameKeysInBothLanguages() throws IOException {
        for (String bundle : bundles()) {
            if (bundle.equals("i18n/web") || bundle.endsWith("-pages")) {
                assertThat(load(bundle + "_en.properties").stringPropertyNames()).as(bundle)
                        .isEqualTo(load(bundle + ".properties").stringPropertyNames());
            }
        }
    }

    private void assertInBothLanguages(Map<String, Set<String>> used) throws IOException {
        List<Properties> chinese = new ArrayList<>();
        List<Properties> english = new ArrayList<>();
        for (String bundle : bundles()) {
            chinese.add(load(bundle + ".properties"));
            english.add(load(bundle + "_en.properties"));
        }
        List<String> missing = new ArrayList<>();
        used.forEach((key, where) -> {
            for (int i = 0; i < chinese.size(); i++) {
                if (chinese.get(i).containsKey(key)) {
                    if (!english.get(i).containsKey(key)) {
                        missing.add(key + " (English, used in " + where + ")");
                    }
                    return;
                }
            }
            missing.add(key + " (used in " + where + ")");
        });
        assertThat(missing).isEmpty();
    }

    private List<String> bundles() {
        return Arrays.stream(basenames.split(",")).map(String::trim).filter(b -> !b.isEmpty()).toList();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PageMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }
}
