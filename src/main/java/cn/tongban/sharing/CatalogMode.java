package cn.tongban.sharing;

import java.util.Optional;

/** 共享方式 of a catalog item (常经办发〔2023〕19号 附件1). */
enum CatalogMode {
    REAL_TIME("实时共享"),
    ON_DEMAND("按需提供"),
    PERIODIC("定期共享");

    final String text;

    CatalogMode(String text) {
        this.text = text;
    }

    /** The mode written as in the document (实时共享, 按需提供, 定期共享) or by its English name. */
    static Optional<CatalogMode> of(String text) {
        String t = text == null ? "" : text.strip();
        for (CatalogMode mode : values()) {
            if (mode.text.equals(t) || mode.name().equals(t)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The mode a frequency text starts with, if it names one (按需提供（省局授权） is on demand). */
    static Optional<CatalogMode> prefixOf(String frequencyText) {
        String t = Schedule.normalised(frequencyText);
        for (CatalogMode mode : values()) {
            if (t.startsWith(mode.text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
