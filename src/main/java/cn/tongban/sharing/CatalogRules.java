package cn.tongban.sharing;

import java.util.List;

import cn.tongban.kernel.Violation;

/** The rules every catalog item keeps, whether imported or edited. */
final class CatalogRules {

    private CatalogRules() {
    }

    /** The item's rules: its mode agrees with its frequency text, a decision reads, fields are short. */
    static void check(CatalogItem item, List<Violation> errors) {
        CatalogMode written = CatalogMode.prefixOf(item.frequencyText()).orElse(null);
        if (written != null && written != item.mode()) {
            // the document's own 定期共享:按需提供 keeps its written mode and is left to a person's decision
            errors.add(new Violation("mode", "catalog.mode-mismatch", item.mode().text, written.text));
        }
        if (written == null && item.mode() != CatalogMode.PERIODIC) {
            errors.add(new Violation("frequencyText", "catalog.frequency-without-mode", item.mode().text));
        }
        if (item.scheduleDecision() != null) {
            if (item.mode() != CatalogMode.PERIODIC) {
                errors.add(new Violation("scheduleDecision", "catalog.decision-not-periodic"));
            } else if (!Schedule.parse(item.scheduleDecision()).hasDeadlines()) {
                errors.add(new Violation("scheduleDecision", "catalog.decision-unreadable", item.scheduleDecision()));
            }
        }
        if (item.fields().size() > 200) {
            errors.add(new Violation("fields", "catalog.too-many-fields", 200));
        }
        for (String field : item.fields()) {
            if (field.length() > 100) {
                errors.add(new Violation("fields", "catalog.too-long", 100));
                break;
            }
        }
    }

    /** A text field: stripped, required or not, at most {@code max} characters; {@code null} when blank. */
    static String text(String field, String value, int max, boolean required, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(field, "catalog.required"));
            }
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(new Violation(field, "catalog.too-long", max));
        }
        return value.strip();
    }
}
