package cn.tongban.dictionary;

import java.util.Locale;

/** One code table (字典表) of the standard, e.g. {@code house_use} 房屋用途. */
record DictionaryType(String code, String nameZh, String nameEn, String source, Integer standardSize, long version) {

    String name(Locale locale) {
        return DictionaryItem.inLanguage(locale, nameZh, nameEn);
    }
}
