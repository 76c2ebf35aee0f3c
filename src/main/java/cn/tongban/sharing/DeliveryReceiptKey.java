package cn.tongban.sharing;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.crypto.Sm2SigningKey;

/**
 * 回执签名密钥: the platform's SM2 key that signs delivery receipts, {@code tongban.keys.dir}/{@value #FILE}
 * (see {@link Sm2SigningKey} for the algorithm, the file and its generation).
 */
@Component
class DeliveryReceiptKey {

    static final String FILE = "delivery-receipt.sm2.key";
    static final String ALGORITHM = Sm2SigningKey.ALGORITHM;

    private final Sm2SigningKey key;

    DeliveryReceiptKey(@Value("${tongban.keys.dir}") Path dir, @Value("${tongban.keys.generate-if-missing:false}") boolean generate) {
        this.key = Sm2SigningKey.load(dir, FILE, generate, "delivery receipt");
    }

    /** The SM2 signature (DER, base64) of the text's UTF-8 bytes. */
    String sign(String text) {
        return key.sign(text);
    }

    String publicKeyHex() {
        return key.publicKeyHex();
    }

    String publicKeyPem() {
        return key.publicKeyPem();
    }

    String keyId() {
        return key.keyId();
    }

    /** Whether the signature is this key's over the text; what a department does with the published key. */
    static boolean verify(String publicKeyHex, String text, String signatureBase64) {
        return Sm2SigningKey.verify(publicKeyHex, text, signatureBase64);
    }
}
