package cn.tongban.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tongban.IntegrationTest;

/** The test profile generates a key set on start and the cipher uses it. */
@IntegrationTest
class PersonalDataCipherWiringTest {

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyProperties properties;

    @Test
    void cipherUsesTheGeneratedKeyFile() {
        assertThat(properties.dir().resolve(KeyRing.FILE_NAME)).exists();
        assertThat(cipher.activeKeyId()).isEqualTo("k1");
        assertThat(cipher.decrypt(cipher.encrypt("320402199001011234"))).isEqualTo("320402199001011234");
    }
}
