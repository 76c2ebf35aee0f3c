package cn.tongban.kernel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (issue #3 item 4): seals parties' ID numbers, names and phone numbers for storage with
 * SM4 (GB/T 32907-2016) in GCM mode, each value with the id of its key so that keys can rotate, and gives the
 * HMAC-SM3 (GB/T 32905-2016) blind index through which ID numbers are looked up.
 *
 * <p>A sealed value is {@code <keyId>:<base64(nonce || ciphertext || tag)>}: a random 12-byte nonce, the UTF-8
 * plaintext encrypted, and a 16-byte tag that also authenticates the key id, so that a value cannot be moved
 * under another key id. Keys come from the {@link KeyRing} (a key file or properties, never the database).
 *
 * <p>Random 96-bit nonces are safe for about 2<sup>32</sup> values per key (NIST SP 800-38D 8.3); rotate the key
 * well before that. The blind index resists guessing only while its key stays secret: ID numbers have too few
 * possible values to be protected by the hash alone.
 *
 * <p>Thread-safe.
 */
@Component
public final class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final char SEPARATOR = ':';

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(KeyRing keys) {
        this.keys = keys;
    }

    /** Seals {@code plaintext} with the active key: {@code <keyId>:<base64>}; {@code null} stays {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        String keyId = keys.activeId();
        byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, keyId, keys.sm4(keyId), nonce);
        byte[] sealed = new byte[NONCE_BYTES + gcm.getOutputSize(input.length)];
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        int length = NONCE_BYTES + gcm.processBytes(input, 0, input.length, sealed, NONCE_BYTES);
        try {
            gcm.doFinal(sealed, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e); // only decryption checks a tag
        }
        return keyId + SEPARATOR + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * Opens a value sealed by {@link #encrypt(String)} with the key it names, active or not; {@code null} stays
     * {@code null}.
     *
     * @throws IllegalStateException if the value is malformed, names a key the key ring does not have, or was
     *                               altered (its tag does not verify); the message never contains the value
     */
    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        int separator = sealed.indexOf(SEPARATOR);
        String keyId = separator < 0 ? "" : sealed.substring(0, separator);
        if (!KeyRing.isKeyId(keyId)) {
            throw new IllegalStateException("Not a sealed personal-data value (expected <keyId>:<base64>)");
        }
        byte[] key = keys.sm4(keyId);
        if (key == null) {
            throw new IllegalStateException("Personal-data value sealed with unknown key id '" + keyId
                    + "'; the key ring has " + keys.ids() + ". Is a key missing from the key file or properties?");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(sealed.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Personal-data value sealed with key '" + keyId + "' is not base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("Personal-data value sealed with key '" + keyId + "' is truncated");
        }
        GCMModeCipher gcm = gcm(false, keyId, key, Arrays.copyOf(data, NONCE_BYTES));
        byte[] plaintext = new byte[gcm.getOutputSize(data.length - NONCE_BYTES)];
        try {
            int length = gcm.processBytes(data, NONCE_BYTES, data.length - NONCE_BYTES, plaintext, 0);
            length += gcm.doFinal(plaintext, length);
            return new String(plaintext, 0, length, StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("Personal-data value sealed with key '" + keyId
                    + "' failed authentication: it was altered or not sealed with this key", e);
        }
    }

    /**
     * The blind index of a value, HMAC-SM3 with the index key as 64 lower-case hex digits; {@code null} stays
     * {@code null}. Equal values give equal indexes, so normalise first (ID numbers: {@link #normaliseIdNumber}).
     */
    public String blindIndex(String value) {
        if (value == null) {
            return null;
        }
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(keys.indexKey()));
        byte[] input = value.getBytes(StandardCharsets.UTF_8);
        hmac.update(input, 0, input.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        return HexFormat.of().formatHex(mac);
    }

    /**
     * An ID number as it is indexed: all white space (also the full-width space) removed, upper case
     * ({@code x} → {@code X}); {@code null} stays {@code null}. A 公民身份号码 should come from
     * {@link cn.tongban.kernel.CitizenIdNumber#value()}, which also upgrades 15-digit numbers.
     */
    public static String normaliseIdNumber(String idNumber) {
        return idNumber == null ? null : idNumber.replaceAll("(?U)\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The id of the key {@link #encrypt(String)} seals with now. */
    public String activeKeyId() {
        return keys.activeId();
    }

    /** SM4-GCM with a 128-bit tag over the key id as additional authenticated data. */
    private static GCMModeCipher gcm(boolean encrypt, String keyId, byte[] key, byte[] nonce) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce,
                keyId.getBytes(StandardCharsets.US_ASCII)));
        return gcm;
    }
}
