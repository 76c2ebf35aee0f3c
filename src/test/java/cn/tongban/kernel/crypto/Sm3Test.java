package cn.tongban.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** SM3 against the examples of GB/T 32905-2016 附录 A. */
class Sm3Test {

    @Test
    void exampleOne() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void exampleTwoSpansTwoBlocks() {
        assertThat(Sm3.hex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void partsAreConcatenated() {
        byte[] ab = "ab".getBytes(StandardCharsets.UTF_8);
        byte[] c = "c".getBytes(StandardCharsets.UTF_8);
        assertThat(Sm3.hex(ab, c)).isEqualTo(Sm3.hex("abc"));
        assertThat(Sm3.digest(ab, new byte[0], c)).isEqualTo(HexFormat.of().parseHex(Sm3.hex("abc")));
    }

    @Test
    void textIsUtf8() {
        assertThat(Sm3.hex("通办")).isEqualTo(Sm3.hex("通办".getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }
}
