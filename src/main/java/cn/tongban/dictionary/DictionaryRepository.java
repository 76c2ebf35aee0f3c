package cn.tongban.dictionary;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The code tables (数据字典) in {@code dictionary_type} and {@code dictionary_item}. */
@Repository
class DictionaryRepository {

    private static final String ITEM_COLUMNS =
            "type_code, code, label_zh, label_en, parent_code, sort_order, valid_from, valid_to, version";

    private final JdbcClient jdbc;

    DictionaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DictionaryType> types() {
        return jdbc.sql("SELECT code, name_zh, name_en, source, standard_size, version FROM dictionary_type ORDER BY code")
                .query(DictionaryType.class).list();
    }

    Optional<DictionaryType> type(String code) {
        return jdbc.sql("SELECT code, name_zh, name_en, source, standard_size, version FROM dictionary_type WHERE code = ?")
                .param(code).query(DictionaryType.class).optional();
    }

    List<DictionaryItem> items() {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM dictionary_item ORDER BY type_code, sort_order, code")
                .query(DictionaryItem.class).list();
    }

    List<DictionaryItem> items(String type) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM dictionary_item WHERE type_code = ? ORDER BY sort_order, code")
                .param(type).query(DictionaryItem.class).list();
    }

    Optional<DictionaryItem> item(String type, String code) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM dictionary_item WHERE type_code = ? AND code = ?")
                .params(type, code).query(DictionaryItem.class).optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the type already has the code */
    void insert(DictionaryItem item) {
        jdbc.sql("""
                INSERT INTO dictionary_item (type_code, code, label_zh, label_en, parent_code, sort_order, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(item.typeCode(), item.code(), item.labelZh(), item.labelEn(), item.parentCode(), item.sortOrder(),
                        item.validFrom(), item.validTo())
                .update();
    }

    /** Writes everything but the keys if the stored version is still {@code item.version()}; false if it is not. */
    boolean update(DictionaryItem item) {
        return jdbc.sql("""
                UPDATE dictionary_item
                   SET label_zh = ?, label_en = ?, parent_code = ?, sort_order = ?, valid_from = ?, valid_to = ?,
                       version = version + 1, updated_at = now()
                 WHERE type_code = ? AND code = ? AND version = ?""")
                .params(item.labelZh(), item.labelEn(), item.parentCode(), item.sortOrder(), item.validFrom(),
                        item.validTo(), item.typeCode(), item.code(), item.version())
                .update() == 1;
    }
}
