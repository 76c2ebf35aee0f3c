package cn.tongban.dictionary;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;

/**
 * The code tables (数据字典) over HTTP: everyone reads them, an administrator adds items and changes or retires
 * them (by {@code validTo}; nothing is deleted). Reads come from the database, so that the {@code version} an
 * editor sends back is the stored one. Labels are in the request's language (Chinese unless {@code Accept-Language:
 * en}).
 *
 * <p>Editing requires the permission {@link Permissions#DICTIONARY_EDIT}; reading needs only to be signed in.
 */
@RestController
@RequestMapping("/api/v1/dictionaries")
class DictionaryController {

    private static final String CODE_FORMAT = "[0-9A-Za-z][0-9A-Za-z._-]{0,19}";

    private final DictionaryRepository repository;
    private final DictionaryEditor editor;

    DictionaryController(DictionaryRepository repository, DictionaryEditor editor) {
        this.repository = repository;
        this.editor = editor;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping
    List<TypeSummary> types(Locale locale) {
        LocalDate today = DictionaryCache.today();
        Map<String, Long> valid = repository.items().stream().filter(item -> item.validOn(today))
                .collect(Collectors.groupingBy(DictionaryItem::typeCode, Collectors.counting()));
        return repository.types().stream()
                .map(type -> new TypeSummary(type.code(), type.name(locale), type.nameZh(), type.nameEn(), type.source(),
                        type.standardSize(), valid.getOrDefault(type.code(), 0L)))
                .toList();
    }

    /** The table with its items; retired ones only with {@code includeExpired=true}. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{type}")
    TypeDetail type(@PathVariable String type, @RequestParam(defaultValue = "false") boolean includeExpired, Locale locale) {
        DictionaryType table = editor.type(type);
        LocalDate today = DictionaryCache.today();
        List<ItemView> items = repository.items(type).stream()
                .filter(item -> includeExpired || !item.expiredOn(today))
                .map(item -> ItemView.of(item, locale))
                .toList();
        return new TypeDetail(table.code(), table.name(locale), table.nameZh(), table.nameEn(), table.source(),
                table.standardSize(), items);
    }

    @PreAuthorize("hasAuthority('" + Permissions.DICTIONARY_EDIT + "')")
    @PostMapping("/{type}/items")
    ResponseEntity<ItemView> create(@PathVariable String type, @Valid @RequestBody NewItem body, Locale locale) {
        DictionaryItem created = editor.create(new DictionaryItem(type, body.code(), body.labelZh(), body.labelEn(),
                body.parentCode(), body.sortOrder(), body.validFrom(), body.validTo(), 0));
        return ResponseEntity.created(URI.create("/api/v1/dictionaries/" + type + "/items/" + created.code()))
                .body(ItemView.of(created, locale));
    }

    /** Changes labels, parent, order and validity; retire an item by a {@code validTo} in the past. */
    @PreAuthorize("hasAuthority('" + Permissions.DICTIONARY_EDIT + "')")
    @PutMapping("/{type}/items/{code}")
    ItemView update(@PathVariable String type, @PathVariable String code, @Valid @RequestBody ItemChange body, Locale locale) {
        DictionaryItem updated = editor.update(new DictionaryItem(type, code, body.labelZh(), body.labelEn(),
                body.parentCode(), body.sortOrder(), body.validFrom(), body.validTo(), body.version()));
        return ItemView.of(updated, locale);
    }

    record TypeSummary(String code, String name, String nameZh, String nameEn, String source, Integer standardSize,
            long itemCount) {
    }

    record TypeDetail(String code, String name, String nameZh, String nameEn, String source, Integer standardSize,
            List<ItemView> items) {
    }

    record ItemView(String code, String label, String labelZh, String labelEn, String parentCode, int sortOrder,
            LocalDate validFrom, LocalDate validTo, long version) {

        static ItemView of(DictionaryItem item, Locale locale) {
            return new ItemView(item.code(), item.label(locale), item.labelZh(), item.labelEn(), item.parentCode(),
                    item.sortOrder(), item.validFrom(), item.validTo(), item.version());
        }
    }

    record NewItem(
            @NotBlank @Pattern(regexp = CODE_FORMAT) String code,
            @NotBlank @Size(max = 200) String labelZh,
            @NotBlank @Size(max = 200) String labelEn,
            @Pattern(regexp = CODE_FORMAT) String parentCode,
            @NotNull @PositiveOrZero Integer sortOrder,
            LocalDate validFrom,
            LocalDate validTo) {
    }

    record ItemChange(
            @NotBlank @Size(max = 200) String labelZh,
            @NotBlank @Size(max = 200) String labelEn,
            @Pattern(regexp = CODE_FORMAT) String parentCode,
            @NotNull @PositiveOrZero Integer sortOrder,
            LocalDate validFrom,
            LocalDate validTo,
            @NotNull @PositiveOrZero Long version) {
    }
}
