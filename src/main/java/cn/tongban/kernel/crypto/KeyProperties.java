package cn.tongban.kernel.crypto;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the personal-data keys come from; see {@link KeyRing} for the file, the precedence and generation.
 *
 * @param dir               the directory holding the key file personal-data.keys; default keys in TONGBAN_DATA_DIR
 *                          ({@code ./data/keys})
 * @param active            the id of the SM4 key new values are sealed with; overrides the file's {@code active}
 * @param sm4               SM4 keys by id, base64 of 16 bytes; each overrides or adds to the file's {@code sm4.<id>}
 * @param index             the HMAC-SM3 blind-index key, base64 of at least 32 bytes; overrides the file's {@code index}
 * @param generateIfMissing generate a key file when there is none and no key is configured (demo, tests)
 */
@ConfigurationProperties("tongban.keys")
record KeyProperties(Path dir, String active, Map<String, String> sm4, String index, boolean generateIfMissing) {

    KeyProperties {
        // an empty environment variable (TONGBAN_KEYS_ACTIVE=) counts as not set
        active = active == null || active.isBlank() ? null : active.strip();
        index = index == null || index.isBlank() ? null : index.strip();
        sm4 = sm4 == null ? Map.of() : Map.copyOf(sm4);
    }

    /** Whether any key setting is given as a property (environment, secrets manager) rather than in the file. */
    boolean configuresKeys() {
        return active != null || index != null || !sm4.isEmpty();
    }
}
