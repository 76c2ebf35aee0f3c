package cn.tongban.registration;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON text of the registration tables' JSONB columns (register entries, applications, check reports): what the
 * platform wrote itself, so a failure to write or read it is a bug, not bad input.
 */
final class JsonText {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(ObjectMapper json, String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map(ObjectMapper json, String text) {
        return read(json, text, MAP);
    }
}
