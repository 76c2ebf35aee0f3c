package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 税收参数 (tax parameter): one rate, threshold or exemption with the interval it is valid in, the jurisdiction that
 * set it and the document it comes from — one row of {@code tax/parameters.csv}.
 *
 * @param key          what the value is, e.g. {@code deed-tax.rate}
 * @param jurisdiction who set it
 * @param region       GB/T 2260 code of the province or city; {@code null} for national
 * @param validFrom    first day (inclusive)
 * @param validTo      last day (inclusive)
 * @param value        the value as written: a decimal, {@code NONE}, {@code EXEMPT} or {@code APPLIES}
 * @param decimal      the value as a number, {@code null} for the words
 * @param percent      the number as a percentage for explanations, e.g. {@code 1.5%} (kept: calculations repeat it)
 * @param validity     the interval as explanations show it, e.g. {@code 2024-12-01至2026-12-31}
 * @param citation     where it comes from
 * @param note         the rule in the document's own words, shortened
 */
record TaxParameter(String key, Jurisdiction jurisdiction, String region, LocalDate validFrom, LocalDate validTo,
        String value, BigDecimal decimal, String percent, String validity, Citation citation, String note) {

    /** The relief or rule does not apply in this jurisdiction (e.g. 北京市 for 财税〔2016〕23号 一（二）). */
    static final String NONE = "NONE";

    boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    boolean isNone() {
        return NONE.equals(value);
    }

    /**
     * 出处: the document, its article and item, its publication date, and how the row was checked.
     *
     * @param document  the document's name and number
     * @param article   article and item, e.g. 第六条（四）
     * @param published publication date, {@code null} when the document is still to be confirmed
     * @param checked   how the row was checked against its document
     * @param text      document and article as a line cites them
     */
    record Citation(String document, String article, LocalDate published, Checked checked, String text) {

        /**
         * A citation whose text, as a line shows it, is {@code 中华人民共和国契税法 第三条 第一款}, marked when still to
         * be confirmed; made once, as calculations repeat it.
         */
        static Citation of(String document, String article, LocalDate published, Checked checked) {
            String text = document + " " + article;
            if (checked == Checked.TO_BE_CONFIRMED && !document.startsWith("待确认")) {
                text = "待确认 to be confirmed：" + text;
            }
            return new Citation(document, article, published, checked, text);
        }
    }

    /** How a parameter row was checked against its source. */
    enum Checked {
        /** Read in the seed documents of this repository (../shared/seeds/). */
        SEED,
        /** Cited from the published document, whose text is not in this repository. */
        RECALLED,
        /** The document could not be verified here; the value is an assumption the tax office must confirm. */
        TO_BE_CONFIRMED
    }
}
