package cn.tongban.dictionary;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The code tables (数据字典) of 建办房〔2020〕14号: whether a code is known, and its label. Answered from memory, with
 * no database access per call, so that bulk imports can check every row; an administrator's edit is seen at once.
 *
 * <p>A code is <em>currently valid</em> when today (Asia/Shanghai) lies within its {@code validFrom}..{@code validTo},
 * both inclusive. Unknown codes are rejected, never mapped to a default. Every method throws
 * {@link IllegalArgumentException} for a type that does not exist (see {@link DictionaryTypes}): that is a
 * programming error, not bad input.
 */
public interface Dictionaries {

    /**
     * @throws cn.tongban.kernel.InvalidValueException {@code dictionary.unknown-code} with the code and the table's
     *                                                 Chinese name, if the code is not currently valid in the table
     */
    void require(String type, String code);

    /** Whether the code is currently valid in the table. */
    boolean isKnown(String type, String code);

    /** The currently valid codes of the table, in the table's order. */
    Set<String> codes(String type);

    /**
     * The label of a code in the locale's language (English for {@code en}, else Chinese); also for retired codes,
     * which filed data keeps referring to. Empty if the table has no such code.
     */
    Optional<String> label(String type, String code, Locale locale);
}
