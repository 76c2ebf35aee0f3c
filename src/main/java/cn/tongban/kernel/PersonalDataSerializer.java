package cn.tongban.kernel;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Writes a {@link PersonalData} value masked by its kind, or in full when {@link PersonalDataVisibility} says the
 * caller may see it. Without a visibility (an ObjectMapper outside Spring) it always masks.
 */
public class PersonalDataSerializer extends StdSerializer<String> implements ContextualSerializer {

    private final transient PersonalDataVisibility visibility;
    private final PersonalData.Kind kind;

    public PersonalDataSerializer() {
        this(null, PersonalData.Kind.NAME);
    }

    @Autowired
    public PersonalDataSerializer(PersonalDataVisibility visibility) {
        this(visibility, PersonalData.Kind.NAME);
    }

    private PersonalDataSerializer(PersonalDataVisibility visibility, PersonalData.Kind kind) {
        super(String.class);
        this.visibility = visibility;
        this.kind = kind;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
        PersonalData annotation = property == null ? null : property.getAnnotation(PersonalData.class);
        return annotation == null ? this : new PersonalDataSerializer(visibility, annotation.value());
    }

    @Override
    public void serialize(String value, JsonGenerator out, SerializerProvider provider) throws IOException {
        if (visibility != null && visibility.showsFull()) {
            out.writeString(value);
            return;
        }
        out.writeString(switch (kind) {
            case NAME -> Masking.name(value);
            case ID_NUMBER -> Masking.identifier(value);
            case PHONE -> Masking.phone(value);
        });
    }
}
