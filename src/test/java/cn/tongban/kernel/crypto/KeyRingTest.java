package cn.tongban.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The key file, its precedence below the properties, generation and rotation. */
class KeyRingTest {

    private static final String K9 = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String INDEX = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void generatesAnOwnerOnlyKeyFile() throws IOException {
        Path keys = dir.resolve("keys");
        KeyRing ring = KeyRing.generate(keys);
        Path file = keys.resolve("personal-data.keys");
        assertThat(ring.activeId()).isEqualTo("k1");
        assertThat(ring.sm4("k1")).hasSize(16);
        assertThat(ring.indexKey()).hasSize(32);
        assertThat(Files.readAllLines(file)).contains("active=k1")
                .anyMatch(line -> line.startsWith("index=")).anyMatch(line -> line.startsWith("sm4.k1="));
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        try (var files = Files.list(keys)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void generateRefusesToOverwrite() {
        KeyRing.generate(dir);
        assertThatThrownBy(() -> KeyRing.generate(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
    }

    @Test
    void rotationAddsAnActiveKeyAndKeepsTheOthers() {
        KeyRing first = KeyRing.generate(dir);
        assertThat(KeyRing.rotate(dir)).isEqualTo("k2");
        assertThat(KeyRing.rotate(dir)).isEqualTo("k3");
        KeyRing rotated = load(dir, null, Map.of(), null, false);
        assertThat(rotated.activeId()).isEqualTo("k3");
        assertThat(rotated.ids()).containsExactly("k1", "k2", "k3");
        assertThat(rotated.sm4("k1")).isEqualTo(first.sm4("k1"));
        assertThat(rotated.sm4("k3")).isNotEqualTo(first.sm4("k1"));
        assertThat(rotated.indexKey()).isEqualTo(first.indexKey());
    }

    @Test
    void rotateNeedsAKeyFile() {
        assertThatThrownBy(() -> KeyRing.rotate(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void missingKeysFailTheStartNamingFileAndProperties() {
        assertThatThrownBy(() -> load(dir, null, Map.of(), null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve("personal-data.keys").toAbsolutePath().toString())
                .hasMessageContaining("tongban.keys.sm4.<id>")
                .hasMessageContaining("tongban.keys.generate-if-missing");
        assertThat(dir.resolve("personal-data.keys")).doesNotExist();
    }

    @Test
    void missingKeysAreGeneratedWhenAllowed() {
        KeyRing generated = load(dir.resolve("keys"), null, Map.of(), null, true);
        assertThat(dir.resolve("keys/personal-data.keys")).exists();
        assertThat(load(dir.resolve("keys"), null, Map.of(), null, true).sm4("k1")).isEqualTo(generated.sm4("k1"));
    }

    @Test
    void propertiesAloneSufficeAndNothingIsWritten() {
        KeyRing ring = load(dir, "k9", Map.of("k9", K9), INDEX, true);
        assertThat(ring.activeId()).isEqualTo("k9");
        assertThat(ring.sm4("k9")).isEqualTo(new byte[16]);
        assertThat(dir.resolve("personal-data.keys")).doesNotExist();
    }

    @Test
    void propertiesOverrideTheFileEntryByEntry() {
        KeyRing file = KeyRing.generate(dir);
        KeyRing ring = load(dir, "k9", Map.of("k9", K9), null, false);
        assertThat(ring.activeId()).isEqualTo("k9");
        assertThat(ring.ids()).containsExactly("k1", "k9");
        assertThat(ring.sm4("k1")).isEqualTo(file.sm4("k1"));
        assertThat(ring.indexKey()).isEqualTo(file.indexKey());
        assertThat(load(dir, null, Map.of(), INDEX, false).indexKey()).isEqualTo(new byte[32]);
    }

    @Test
    void environmentVariablesBindAsDocumented() {
        Map<String, Object> environment = Map.of("TONGBAN_KEYS_DIR", dir.toString(), "TONGBAN_KEYS_ACTIVE", "k9",
                "TONGBAN_KEYS_SM4_K9", K9, "TONGBAN_KEYS_INDEX", INDEX, "TONGBAN_KEYS_GENERATE_IF_MISSING", "true");
        KeyProperties properties = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .bind("tongban.keys", KeyProperties.class).get();
        assertThat(properties).isEqualTo(new KeyProperties(dir, "k9", Map.of("k9", K9), INDEX, true));
    }

    @Test
    void incompleteOrMalformedKeysFailClearly() {
        assertThatThrownBy(() -> load(dir, "k9", Map.of("k9", K9), null, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no blind-index key");
        assertThatThrownBy(() -> load(dir, "k8", Map.of("k9", K9), INDEX, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'k8' has no SM4 key");
        assertThatThrownBy(() -> load(dir, "k9", Map.of("k9", "AAAA"), INDEX, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sm4.k9 has 3 bytes, expected 16");
        assertThatThrownBy(() -> load(dir, "k9", Map.of("k9", "not base64!"), INDEX, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sm4.k9 is not base64");
        assertThatThrownBy(() -> load(dir, "k9", Map.of("k9", K9), K9, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index has 16 bytes, expected at least 32");
        assertThatThrownBy(() -> load(dir, "K:9", Map.of("K:9", K9), INDEX, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not 1-32 lower-case");
    }

    @Test
    void unknownFileEntriesAreRefused() throws IOException {
        KeyRing.generate(dir);
        Path file = dir.resolve("personal-data.keys");
        Files.writeString(file, Files.readString(file) + "actve=k1\n");
        assertThatThrownBy(() -> load(dir, null, Map.of(), null, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown entry 'actve'");
    }

    private static KeyRing load(Path dir, String active, Map<String, String> sm4, String index, boolean generate) {
        return KeyRing.load(new KeyProperties(dir, active, sm4, index, generate));
    }
}
