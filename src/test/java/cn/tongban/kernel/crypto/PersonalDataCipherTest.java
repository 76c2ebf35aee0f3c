package cn.tongban.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4-GCM sealing with key ids and the HMAC-SM3 blind index (issue #3 item 4). */
class PersonalDataCipherTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        for (String value : new String[] {"320402199001011234", "欧阳小明", "13912345678", ""}) {
            String sealed = cipher.encrypt(value);
            assertThat(sealed).startsWith("k1:");
            assertThat(cipher.decrypt(sealed)).isEqualTo(value);
        }
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.blindIndex(null)).isNull();
        assertThat(cipher.activeKeyId()).isEqualTo("k1");
    }

    @Test
    void sameValueSealsDifferentlyButIndexesEqually() {
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        String id = "320402199001011234";
        assertThat(cipher.encrypt(id)).isNotEqualTo(cipher.encrypt(id));
        assertThat(cipher.blindIndex(id)).isEqualTo(cipher.blindIndex(id)).matches("[0-9a-f]{64}");
        assertThat(cipher.blindIndex(id)).isNotEqualTo(cipher.blindIndex("320402199001011235"));
    }

    @Test
    void blindIndexDependsOnTheIndexKey(@TempDir Path other) {
        String id = "320402199001011234";
        assertThat(new PersonalDataCipher(KeyRing.generate(dir)).blindIndex(id))
                .isNotEqualTo(new PersonalDataCipher(KeyRing.generate(other)).blindIndex(id));
    }

    @Test
    void normalisedIdNumbersIndexEqually() {
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        assertThat(PersonalDataCipher.normaliseIdNumber(" 32040219900101123x\u3000")).isEqualTo("32040219900101123X");
        assertThat(PersonalDataCipher.normaliseIdNumber("320402 19900101 123X")).isEqualTo("32040219900101123X");
        assertThat(PersonalDataCipher.normaliseIdNumber(null)).isNull();
        assertThat(cipher.blindIndex(PersonalDataCipher.normaliseIdNumber("32040219900101123x")))
                .isEqualTo(cipher.blindIndex("32040219900101123X"));
    }

    @Test
    void tamperingFails() {
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        String sealed = cipher.encrypt("13912345678");
        byte[] data = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 1;
            String value = "k1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(value))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed authentication");
        }
        assertThatThrownBy(() -> cipher.decrypt(sealed.substring(0, sealed.length() - 8)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueCannotMoveUnderAnotherKeyId() {
        KeyRing.generate(dir);
        KeyRing.rotate(dir);
        PersonalDataCipher cipher = new PersonalDataCipher(load(dir));
        String sealed = cipher.encrypt("张三");
        assertThat(sealed).startsWith("k2:");
        assertThatThrownBy(() -> cipher.decrypt("k1" + sealed.substring(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void oldKeysKeepDecryptingAfterRotation() {
        String sealed = new PersonalDataCipher(KeyRing.generate(dir)).encrypt("张三");
        assertThat(KeyRing.rotate(dir)).isEqualTo("k2");
        PersonalDataCipher rotated = new PersonalDataCipher(load(dir));
        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(rotated.encrypt("张三")).startsWith("k2:");
        assertThat(rotated.decrypt(sealed)).isEqualTo("张三");
    }

    @Test
    void blindIndexSurvivesRotation() {
        PersonalDataCipher before = new PersonalDataCipher(KeyRing.generate(dir));
        KeyRing.rotate(dir);
        assertThat(new PersonalDataCipher(load(dir)).blindIndex("X")).isEqualTo(before.blindIndex("X"));
    }

    @Test
    void unknownKeyIdFailsClearly(@TempDir Path other) {
        KeyRing.generate(other);
        KeyRing.rotate(other);
        String sealed = new PersonalDataCipher(load(other)).encrypt("张三");
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        assertThatThrownBy(() -> cipher.decrypt(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown key id 'k2'")
                .hasMessageContaining("[k1]");
    }

    @Test
    void sameKeyIdOfAnotherKeyRingFails(@TempDir Path other) {
        String sealed = new PersonalDataCipher(KeyRing.generate(other)).encrypt("张三");
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        assertThatThrownBy(() -> cipher.decrypt(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void malformedValuesFailWithoutShowingThem() {
        PersonalDataCipher cipher = new PersonalDataCipher(KeyRing.generate(dir));
        for (String malformed : new String[] {"320402199001011234", "张三:13912345678", ":abc", "k1:not base64!", "k1:"}) {
            assertThatThrownBy(() -> cipher.decrypt(malformed))
                    .isInstanceOf(IllegalStateException.class)
                    .message().doesNotContain("320402199001011234", "张三", "13912345678", "base64!");
        }
    }

    private static KeyRing load(Path dir) {
        return KeyRing.load(new KeyProperties(dir, null, null, null, false));
    }
}
