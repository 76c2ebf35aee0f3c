package cn.tongban.dictionary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.tongban.kernel.InvalidValueException;

/**
 * {@link Dictionaries} from an in-memory copy of all code tables (数据字典): loaded at start, replaced as a whole
 * after every edit. A lookup is two hash-map reads and a date comparison, so that the 楼盘表 import can check a
 * million rows; validity is judged at the time of the call, so an item retired as of today is refused today
 * without a reload.
 */
@Component
class DictionaryCache implements Dictionaries {

    /** The day a code is valid on is a day in China. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DictionaryRepository repository;
    private volatile Map<String, Table> tables = Map.of();

    DictionaryCache(DictionaryRepository repository) {
        this.repository = repository;
        reload();
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Reads all tables again; serialized, so the last reload after the last committed edit wins. */
    synchronized void reload() {
        Map<String, Map<String, DictionaryItem>> items = new HashMap<>();
        for (DictionaryItem item : repository.items()) {
            items.computeIfAbsent(item.typeCode(), type -> new LinkedHashMap<>()).put(item.code(), item);
        }
        Map<String, Table> loaded = new HashMap<>();
        for (DictionaryType type : repository.types()) {
            loaded.put(type.code(), new Table(type, Collections.unmodifiableMap(items.getOrDefault(type.code(), Map.of()))));
        }
        tables = Map.copyOf(loaded);
    }

    @Override
    public void require(String type, String code) {
        Table table = table(type);
        if (!table.valid(code, today())) {
            throw new InvalidValueException("dictionary.unknown-code", code, table.type().nameZh());
        }
    }

    @Override
    public boolean isKnown(String type, String code) {
        return table(type).valid(code, today());
    }

    @Override
    public Set<String> codes(String type) {
        LocalDate today = today();
        Set<String> codes = new LinkedHashSet<>();
        table(type).items().values().stream().filter(item -> item.validOn(today)).forEach(item -> codes.add(item.code()));
        return Collections.unmodifiableSet(codes);
    }

    @Override
    public Optional<String> label(String type, String code, Locale locale) {
        return Optional.ofNullable(code == null ? null : table(type).items().get(code)).map(item -> item.label(locale));
    }

    private Table table(String type) {
        Table table = type == null ? null : tables.get(type);
        if (table == null) {
            throw new IllegalArgumentException("no such dictionary type: " + type);
        }
        return table;
    }

    private record Table(DictionaryType type, Map<String, DictionaryItem> items) {

        boolean valid(String code, LocalDate day) {
            DictionaryItem item = code == null ? null : items.get(code);
            return item != null && item.validOn(day);
        }
    }
}
