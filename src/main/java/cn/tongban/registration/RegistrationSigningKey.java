package cn.tongban.registration;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.crypto.Sm2SigningKey;

/**
 * 不动产登记电子签名密钥: the registration authority's SM2 key that signs e-certificates, proofs, notices and housing
 * records, {@code tongban.keys.dir}/{@value #FILE} (see {@link Sm2SigningKey} for the algorithm, the file and its
 * generation). Kept apart from the other keys so that it can be held by the registration authority alone.
 */
@Component
class RegistrationSigningKey {

    static final String FILE = "registration.sm2.key";

    private final Sm2SigningKey key;

    RegistrationSigningKey(@Value("${tongban.keys.dir}") Path dir, @Value("${tongban.keys.generate-if-missing:false}") boolean generate) {
        this.key = Sm2SigningKey.load(dir, FILE, generate, "registration document");
    }

    /** The key itself: it signs, verifies and publishes its public half. */
    Sm2SigningKey key() {
        return key;
    }
}
