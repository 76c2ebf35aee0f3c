package cn.tongban.kernel.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SM2 signing key of the platform (GM/T 0003.2, curve sm2p256v1, SM3 digest, default user ID
 * {@code 1234567812345678}, DER signatures), kept as a file next to the other keys ({@code tongban.keys.dir}/<file>,
 * the private scalar in hex), outside the database. Each use has its own file (delivery receipts, certificates …), so
 * one can be rotated or held in other hands without the others. Generated on first start where key generation is
 * allowed (demo, tests); elsewhere a missing key stops the start, as the token key does.
 */
public final class Sm2SigningKey {

    public static final String ALGORITHM = "SM2withSM3 (GM/T 0003.2-2012, curve sm2p256v1, user ID 1234567812345678, DER signature)";
    private static final Logger log = LoggerFactory.getLogger(Sm2SigningKey.class);
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    private Sm2SigningKey(BigInteger d) {
        this.privateKey = new ECPrivateKeyParameters(d, DOMAIN);
        this.publicKey = new ECPublicKeyParameters(DOMAIN.getG().multiply(d).normalize(), DOMAIN);
    }

    /**
     * The key in {@code dir/file}, generated there first if missing and {@code generate} is set.
     *
     * @param purpose what the key signs, for the operator reading the error or the log (e.g. "delivery receipt")
     */
    public static Sm2SigningKey load(Path dir, String file, boolean generate, String purpose) {
        Path path = dir.resolve(file);
        try {
            if (Files.exists(path)) {
                return new Sm2SigningKey(new BigInteger(Files.readString(path, StandardCharsets.US_ASCII).strip(), 16));
            }
            if (!generate) {
                throw new IllegalStateException("The " + purpose + " key " + path.toAbsolutePath() + " is missing. Put the SM2 "
                        + "private key (hex) there, or set tongban.keys.generate-if-missing=true (demo and test only).");
            }
            BigInteger n = DOMAIN.getN();
            BigInteger d;
            do {
                d = new BigInteger(n.bitLength(), RANDOM);
            } while (d.signum() == 0 || d.compareTo(n.subtract(BigInteger.ONE)) >= 0);
            Files.createDirectories(dir);
            Files.writeString(path, d.toString(16), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the directory must then be protected by the operating system's own means
            }
            log.warn("Generated a new {} key at {}", purpose, path.toAbsolutePath());
            return new Sm2SigningKey(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + path, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the " + purpose + " key " + path + " is not a hex number", e);
        }
    }

    /** The SM2 signature (DER, base64) of the text's UTF-8 bytes. */
    public String sign(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SM2 signature (DER, base64) of the bytes. */
    public String sign(byte[] bytes) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey, RANDOM));
        signer.update(bytes, 0, bytes.length);
        try {
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as an uncompressed point, {@code 04 || x || y}, in hex. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey.getQ().getEncoded(false));
    }

    /** The public key as a PEM SubjectPublicKeyInfo (what {@code gmssl} and OpenSSL 3 read). */
    public String publicKeyPem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key's id: the first 16 hex digits of the SM3 of its encoded point. */
    public String keyId() {
        return Sm3.hex(publicKey.getQ().getEncoded(false)).substring(0, 16);
    }

    /** Whether this key signed the text. */
    public boolean verify(String text, String signatureBase64) {
        return verify(publicKeyHex(), text, signatureBase64);
    }

    /** Whether the signature is the key's over the text; what a department does with the published key. */
    public static boolean verify(String publicKeyHex, String text, String signatureBase64) {
        return verify(publicKeyHex, text.getBytes(StandardCharsets.UTF_8), signatureBase64);
    }

    /** Whether the signature is the key's over the bytes; false too for a signature that is not base64 DER. */
    public static boolean verify(String publicKeyHex, byte[] bytes, String signatureBase64) {
        ECPoint q = CURVE.getCurve().decodePoint(HexFormat.of().parseHex(publicKeyHex));
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ECPublicKeyParameters(q, DOMAIN));
        signer.update(bytes, 0, bytes.length);
        try {
            return signer.verifySignature(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
