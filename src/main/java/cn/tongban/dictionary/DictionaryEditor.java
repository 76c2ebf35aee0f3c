package cn.tongban.dictionary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * An administrator's edits of a code table (数据字典): new items, and changes of an item's labels, parent, order
 * and validity, retiring included. No item is ever deleted, as filed data keeps referring to old codes. After every
 * committed edit the in-memory tables are reloaded.
 */
@Service
class DictionaryEditor {

    private final DictionaryRepository repository;
    private final DictionaryCache cache;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    DictionaryEditor(DictionaryRepository repository, DictionaryCache cache, TransactionTemplate tx, AuditLog audit) {
        this.repository = repository;
        this.cache = cache;
        this.tx = tx;
        this.audit = audit;
    }

    /** @throws ConflictException {@code dictionary.duplicate-code} if the table has the code already, retired or not */
    DictionaryItem create(DictionaryItem item) {
        return edit(() -> {
            DictionaryType type = type(item.typeCode());
            Map<String, DictionaryItem> items = items(type);
            if (items.containsKey(item.code())) {
                throw duplicate(item, type);
            }
            check(item, type, items);
            try {
                repository.insert(item);
            } catch (DuplicateKeyException e) {
                throw duplicate(item, type);
            }
            audit.record(AuditRecord.change("create", "dictionary-item", item.typeCode() + "/" + item.code(), null));
            return stored(item);
        });
    }

    /**
     * Writes the item's labels, parent, order and validity if {@code change.version()} is still the stored version.
     *
     * @throws ConflictException {@code version.stale} if someone changed the item meanwhile
     */
    DictionaryItem update(DictionaryItem change) {
        return edit(() -> {
            DictionaryType type = type(change.typeCode());
            Map<String, DictionaryItem> items = items(type);
            DictionaryItem current = items.get(change.code());
            if (current == null) {
                throw new NotFoundException("dictionary-item", change.typeCode() + "/" + change.code());
            }
            if (current.version() != change.version()) {
                throw new ConflictException("version.stale");
            }
            check(change, type, items);
            if (!repository.update(change)) {
                throw new ConflictException("version.stale");
            }
            audit.record(AuditRecord.change("update", "dictionary-item", change.typeCode() + "/" + change.code(), null));
            return stored(change);
        });
    }

    DictionaryType type(String code) {
        return repository.type(code).orElseThrow(() -> new NotFoundException("dictionary", code));
    }

    private DictionaryItem edit(Supplier<DictionaryItem> write) {
        DictionaryItem written = tx.execute(status -> write.get());
        cache.reload();
        return written;
    }

    private Map<String, DictionaryItem> items(DictionaryType type) {
        Map<String, DictionaryItem> items = new LinkedHashMap<>();
        repository.items(type.code()).forEach(item -> items.put(item.code(), item));
        return items;
    }

    private DictionaryItem stored(DictionaryItem item) {
        return repository.item(item.typeCode(), item.code()).orElseThrow();
    }

    /** The parent is an item of the same table and not the item itself or below it; validity ends after it starts. */
    private static void check(DictionaryItem item, DictionaryType type, Map<String, DictionaryItem> items) {
        List<Violation> violations = new ArrayList<>();
        if (item.parentCode() != null) {
            if (!items.containsKey(item.parentCode())) {
                violations.add(new Violation("parentCode", "dictionary.unknown-parent", item.parentCode(), type.nameZh()));
            } else if (ancestors(item.parentCode(), items).contains(item.code())) {
                violations.add(new Violation("parentCode", "dictionary.parent-cycle", item.parentCode()));
            }
        }
        if (item.validFrom() != null && item.validTo() != null && item.validFrom().isAfter(item.validTo())) {
            violations.add(new Violation("validTo", "dictionary.validity-order", item.validFrom(), item.validTo()));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** The code and the codes above it; stops at a cycle already in the data. */
    private static Set<String> ancestors(String code, Map<String, DictionaryItem> items) {
        Set<String> seen = new HashSet<>();
        for (String at = code; at != null && seen.add(at); ) {
            DictionaryItem item = items.get(at);
            at = item == null ? null : item.parentCode();
        }
        return seen;
    }

    private static ConflictException duplicate(DictionaryItem item, DictionaryType type) {
        return new ConflictException("dictionary.duplicate-code", item.code(), type.nameZh());
    }
}
