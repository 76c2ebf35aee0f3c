package cn.tongban.sharing;

import java.util.Optional;

import org.springframework.http.MediaType;

/** The formats a delivery may come in: CSV with a header line, or JSON lines (one JSON object per line). */
enum DeliveryFormat {
    CSV(".csv"),
    JSON_LINES(".jsonl");

    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    final String extension;

    DeliveryFormat(String extension) {
        this.extension = extension;
    }

    static Optional<DeliveryFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException
            return Optional.empty();
        }
        if (type.isCompatibleWith(MediaType.parseMediaType("text/csv"))) {
            return Optional.of(CSV);
        }
        if (type.isCompatibleWith(MediaType.parseMediaType(NDJSON)) || type.isCompatibleWith(MediaType.parseMediaType(JSONL))) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }
}
