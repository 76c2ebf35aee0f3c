package cn.tongban.sharing;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.crypto.Sm3;

/**
 * 回执签名密钥: the platform's SM2 key (GM/T 0003.2, curve sm2p256v1, SM3 digest, default user ID
 * {@code 1234567812345678}) that signs delivery receipts, kept as a file next to the other keys
 * ({@code tongban.keys.dir}/{@value #FILE}, the private scalar in hex), outside the database. Generated on first start
 * where key generation is allowed (demo, tests); elsewhere a missing key stops the start, as the token key does.
 */
@Component
class DeliveryReceiptKey {

    static final String FILE = "delivery-receipt.sm2.key";
    static final String ALGORITHM = "SM2withSM3 (GM/T 0003.2-2012, curve sm2p256v1, user ID 1234567812345678, DER signature)";
    private static final Logger log = LoggerFactory.getLogger(DeliveryReceiptKey.class);
    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;
    private final SecureRandom random = new SecureRandom();

    DeliveryReceiptKey(@Value("${tongban.keys.dir}") Path dir, @Value("${tongban.keys.generate-if-missing:false}") boolean generate) {
        BigInteger d = load(dir, generate, random);
        this.privateKey = new ECPrivateKeyParameters(d, DOMAIN);
        this.publicKey = new ECPublicKeyParameters(DOMAIN.getG().multiply(d).normalize(), DOMAIN);
    }

    private static BigInteger load(Path dir, boolean generate, SecureRandom random) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new BigInteger(Files.readString(file, StandardCharsets.US_ASCII).strip(), 16);
            }
            if (!generate) {
                throw new IllegalStateException("The delivery receipt key " + file.toAbsolutePath() + " is missing. Put the SM2 "
                        + "private key (hex) there, or set tongban.keys.generate-if-missing=true (demo and test only).");
            }
            BigInteger n = DOMAIN.getN();
            BigInteger d;
            do {
                d = new BigInteger(n.bitLength(), random);
            } while (d.signum() == 0 || d.compareTo(n.subtract(BigInteger.ONE)) >= 0);
            Files.createDirectories(dir);
            Files.writeString(file, d.toString(16), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the directory must then be protected by the operating system's own means
            }
            log.warn("Generated a new delivery receipt key at {}", file.toAbsolutePath());
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the delivery receipt key " + file + " is not a hex number", e);
        }
    }

    /** The SM2 signature (DER, base64) of the text's UTF-8 bytes. */
    String sign(String text) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey, random));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        try {
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as an uncompressed point, {@code 04 || x || y}, in hex. */
    String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey.getQ().getEncoded(false));
    }

    /** The public key as a PEM SubjectPublicKeyInfo (what {@code gmssl} and OpenSSL 3 read). */
    String publicKeyPem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key's id: the first 16 hex digits of the SM3 of its encoded point. */
    String keyId() {
        return Sm3.hex(publicKey.getQ().getEncoded(false)).substring(0, 16);
    }

    /** Whether the signature is this key's over the text; what a department does with the published key. */
    static boolean verify(String publicKeyHex, String text, String signatureBase64) {
        ECPoint q = CURVE.getCurve().decodePoint(HexFormat.of().parseHex(publicKeyHex));
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ECPublicKeyParameters(q, DOMAIN));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        return signer.verifySignature(Base64.getDecoder().decode(signatureBase64));
    }
}
