package cn.tongban.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs department systems' access tokens, kept as a JWK file next to the personal-data keys
 * ({@code tongban.keys.dir}), outside the database. Generated on first start where key generation is allowed
 * (demo, tests); elsewhere a missing key stops the start.
 */
final class TokenSigningKey {

    static final String FILE = "token-signing.jwk.json";
    private static final Logger log = LoggerFactory.getLogger(TokenSigningKey.class);

    private TokenSigningKey() {
    }

    static RSAKey load(Path dir, boolean generateIfMissing) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("The token signing key " + file.toAbsolutePath() + " is missing. Put the JWK there, "
                        + "or set tongban.keys.generate-if-missing=true to generate one (demo and test only).");
            }
            RSAKey key = new RSAKeyGenerator(3072).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(dir);
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the key file's directory must then be protected by the operating system's own means
            }
            log.warn("Generated a new token signing key at {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the token signing key " + file + " is not a valid RSA JWK", e);
        }
    }
}
