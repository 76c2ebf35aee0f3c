package cn.tongban.dictionary;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One code (字典项) of a code table. It is valid from {@code validFrom} to {@code validTo}, both inclusive, an open
 * end where {@code null}; it is retired by setting {@code validTo}, never deleted.
 */
record DictionaryItem(String typeCode, String code, String labelZh, String labelEn, String parentCode, int sortOrder,
        LocalDate validFrom, LocalDate validTo, long version) {

    boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && !expiredOn(day);
    }

    boolean expiredOn(LocalDate day) {
        return validTo != null && validTo.isBefore(day);
    }

    String label(Locale locale) {
        return inLanguage(locale, labelZh, labelEn);
    }

    /** English where asked for, Chinese (the platform's language) otherwise. */
    static String inLanguage(Locale locale, String zh, String en) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
