package cn.tongban.kernel.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of personal data at rest (issue #3 item 4): SM4 keys by id, the id of the active one, and the
 * HMAC-SM3 key of the blind index. Keys live outside the database, in a key file or in properties.
 *
 * <h2>Key file</h2>
 * {@code <tongban.keys.dir>/personal-data.keys}, a properties file (ISO-8859-1 suffices, base64 is ASCII):
 * <pre>
 * active=k2
 * sm4.k1=&lt;base64 of 16 random bytes&gt;
 * sm4.k2=&lt;base64 of 16 random bytes&gt;
 * index=&lt;base64 of 32 random bytes&gt;
 * </pre>
 * Key ids are 1-32 lower-case letters, digits or {@code -} (lower case, so that they survive relaxed binding of
 * environment variables). Old SM4 keys stay in the file after rotation: values sealed with them keep decrypting.
 *
 * <h2>Precedence</h2>
 * The properties {@code tongban.keys.active}, {@code tongban.keys.index} and {@code tongban.keys.sm4.<id>} — also
 * as environment variables {@code TONGBAN_KEYS_ACTIVE}, {@code TONGBAN_KEYS_INDEX}, {@code TONGBAN_KEYS_SM4_<ID>},
 * e.g. from a secrets manager — override the file entry by entry: a property wins over the file's entry of the
 * same name, and SM4 keys of other ids from both are kept. The file is optional when the properties give the
 * active key, its SM4 key and the index key.
 *
 * <h2>Generation</h2>
 * When the file does not exist, no key property is set and {@code tongban.keys.generate-if-missing=true} (the
 * demo and test profiles), a fresh key set is generated with {@link SecureRandom} and written owner-only
 * ({@code rw-------} where the file system is POSIX). Otherwise missing keys fail the start.
 *
 * <h2>Rotation</h2>
 * {@link #rotate(Path)} (command line: {@link KeyTool}) adds a new SM4 key to the file and makes it active; the
 * platform reads keys at start, so restart it afterwards. The index key is not rotated: that would change every
 * blind index.
 */
final class KeyRing {

    static final String FILE_NAME = "personal-data.keys";

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    /** GB/T 32907-2016: SM4 has a 128-bit key. */
    private static final int SM4_KEY_BYTES = 16;
    /** The SM3 digest length (GB/T 32905-2016, 256 bits): RFC 2104 advises no shorter HMAC key. */
    private static final int INDEX_KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final String ACTIVE = "active";
    private static final String INDEX = "index";
    private static final String SM4 = "sm4.";
    private static final String PROPERTIES = "tongban.keys.active, tongban.keys.sm4.<id> and tongban.keys.index";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String active;
    private final Map<String, byte[]> sm4;
    private final byte[] index;

    private KeyRing(String active, Map<String, byte[]> sm4, byte[] index) {
        this.active = active;
        this.sm4 = Collections.unmodifiableMap(sm4);
        this.index = index;
    }

    /**
     * The keys of the file in {@code properties.dir()} overridden by the key properties, generating the file first
     * if it is missing, nothing else configures keys and generation is on.
     *
     * @throws IllegalStateException naming the file and the properties, if keys are missing or malformed
     */
    static KeyRing load(KeyProperties properties) {
        Path dir = properties.dir();
        Path file = dir == null ? null : dir.resolve(FILE_NAME);
        boolean fileExists = file != null && Files.exists(file);
        if (!fileExists && !properties.configuresKeys()) {
            if (!properties.generateIfMissing() || dir == null) {
                throw new IllegalStateException("No personal-data keys: " + (file == null ? "tongban.keys.dir is not set"
                        : file.toAbsolutePath() + " does not exist") + " and none of " + PROPERTIES + " is set. Create the"
                        + " file with 'KeyTool generate <dir>', set the properties, or (demo only) set"
                        + " tongban.keys.generate-if-missing=true");
            }
            return generate(dir);
        }
        Map<String, String> entries = fileExists ? read(file) : new TreeMap<>();
        if (properties.active() != null) {
            entries.put(ACTIVE, properties.active());
        }
        if (properties.index() != null) {
            entries.put(INDEX, properties.index());
        }
        properties.sm4().forEach((id, key) -> entries.put(SM4 + id, key));
        String source = !fileExists ? "tongban.keys.* properties" : file.toAbsolutePath()
                + (properties.configuresKeys() ? " with tongban.keys.* properties" : "");
        return parse(entries, source);
    }

    /**
     * Generates a fresh key set (active SM4 key {@code k1} and an index key) into {@code dir}, creating it.
     *
     * @throws IllegalStateException if the key file already exists
     */
    static KeyRing generate(Path dir) {
        Map<String, byte[]> sm4 = new TreeMap<>();
        sm4.put("k1", random(SM4_KEY_BYTES));
        KeyRing keys = new KeyRing("k1", sm4, random(INDEX_KEY_BYTES));
        Path file = keys.write(dir, false);
        log.info("Generated personal-data keys in {} (active key k1). Keep the file secret and backed up: personal"
                + " data sealed with its keys cannot be read without it.", file.toAbsolutePath());
        return keys;
    }

    /**
     * Adds a new random SM4 key to the key file in {@code dir} and makes it active; the other keys are kept.
     *
     * @return the new active key id, {@code k<n>} with n one more than the largest of the file
     * @throws IllegalStateException if there is no valid key file in {@code dir}
     */
    static String rotate(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No key file to rotate: " + file.toAbsolutePath() + " does not exist");
        }
        KeyRing current = parse(read(file), file.toAbsolutePath().toString());
        int next = 1;
        for (String id : current.sm4.keySet()) {
            if (id.matches("k[0-9]{1,9}")) {
                next = Math.max(next, Integer.parseInt(id.substring(1)) + 1);
            }
        }
        String id = "k" + next;
        Map<String, byte[]> sm4 = new TreeMap<>(current.sm4);
        sm4.put(id, random(SM4_KEY_BYTES));
        new KeyRing(id, sm4, current.index).write(dir, true);
        log.info("Rotated personal-data keys in {}: active key {} (was {})", file.toAbsolutePath(), id, current.active);
        return id;
    }

    /** The id of the SM4 key new values are sealed with. */
    String activeId() {
        return active;
    }

    /** The SM4 key of this id, or {@code null} if there is none. Not copied: do not change it. */
    byte[] sm4(String id) {
        return sm4.get(id);
    }

    /** The ids of all SM4 keys, in order. */
    Set<String> ids() {
        return sm4.keySet();
    }

    /** The HMAC-SM3 key of the blind index. Not copied: do not change it. */
    byte[] indexKey() {
        return index;
    }

    /** Whether {@code text} has the form of a key id (and so is safe to show in a message). */
    static boolean isKeyId(String text) {
        return KEY_ID.matcher(text).matches();
    }

    private static KeyRing parse(Map<String, String> entries, String source) {
        Map<String, byte[]> sm4 = new TreeMap<>();
        byte[] index = null;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith(SM4)) {
                String id = name.substring(SM4.length());
                if (!isKeyId(id)) {
                    throw invalid(source, "key id '" + id + "' is not 1-32 lower-case letters, digits or '-'");
                }
                sm4.put(id, decode(entry.getValue(), name, SM4_KEY_BYTES, SM4_KEY_BYTES, source));
            } else if (name.equals(INDEX)) {
                index = decode(entry.getValue(), name, INDEX_KEY_BYTES, Integer.MAX_VALUE, source);
            } else if (!name.equals(ACTIVE)) {
                throw invalid(source, "unknown entry '" + name + "' (expected active, index and sm4.<id>)");
            }
        }
        String active = entries.get(ACTIVE);
        if (active == null || active.isBlank()) {
            throw invalid(source, "no active key id (active or tongban.keys.active)");
        }
        active = active.strip();
        if (!sm4.containsKey(active)) {
            throw invalid(source, "the active key id '" + (isKeyId(active) ? active : "?") + "' has no SM4 key (sm4."
                    + "<id> or tongban.keys.sm4.<id>); known ids: " + sm4.keySet());
        }
        if (index == null) {
            throw invalid(source, "no blind-index key (index or tongban.keys.index)");
        }
        return new KeyRing(active, sm4, index);
    }

    private static byte[] decode(String base64, String name, int minBytes, int maxBytes, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(source, name + " is not base64");
        }
        if (key.length < minBytes || key.length > maxBytes) {
            throw invalid(source, name + " has " + key.length + " bytes, expected "
                    + (minBytes == maxBytes ? "" : "at least ") + minBytes);
        }
        return key;
    }

    private static IllegalStateException invalid(String source, String problem) {
        return new IllegalStateException("Invalid personal-data keys (" + source + "): " + problem);
    }

    private static Map<String, String> read(Path file) {
        warnIfReadableByOthers(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read personal-data keys from " + file.toAbsolutePath(), e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return entries;
    }

    /** Writes the key file owner-only, via a temporary file moved into place; returns the file. */
    private Path write(Path dir, boolean replace) {
        Path file = dir.resolve(FILE_NAME);
        StringBuilder text = new StringBuilder()
                .append("# Tongban personal-data keys (issue #3): SM4 keys by id, the active one, the HMAC-SM3 index key.\n")
                .append("# Keep secret and backed up. Never remove an sm4 key while values sealed with it remain.\n")
                .append(ACTIVE).append('=').append(active).append('\n')
                .append(INDEX).append('=').append(Base64.getEncoder().encodeToString(index)).append('\n');
        sm4.forEach((id, key) -> text.append(SM4).append(id).append('=')
                .append(Base64.getEncoder().encodeToString(key)).append('\n'));
        try {
            Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
            Path temporary = Files.createTempFile(dir, ".personal-data", ".tmp", ownerOnly(dir, "rw-------"));
            try {
                Files.writeString(temporary, text, StandardCharsets.ISO_8859_1);
                if (replace) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(temporary, file);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Key file " + file.toAbsolutePath() + " already exists; use rotate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write personal-data keys to " + file.toAbsolutePath(), e);
        }
        return file;
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (isPosix(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                if (!permissions.isEmpty()) {
                    log.warn("Key file {} is accessible to others ({}); chmod 600 it",
                            file.toAbsolutePath(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                }
            }
        } catch (IOException e) {
            log.warn("Cannot check the permissions of key file {}: {}", file.toAbsolutePath(), e.toString());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir, String permissions) {
        return isPosix(dir) ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return key;
    }
}
