package dev.keel.backup.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a manifest's file entries field by field. A manifest lists every file of the data directory, and the
 * record serializer's reflective accessor calls, run before the JIT has compiled them, were most of the time a
 * small-file backup spent writing its manifest. Same names and order as the record's components; reading stays
 * with the record's creator.
 */
final class BackupFileSerializer extends StdSerializer<BackupFile> {
    BackupFileSerializer() {
        super(BackupFile.class);
    }

    @Override
    public void serialize(BackupFile file, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeNumberField("size", file.size());
        json.writeStringField("sha256", file.sha256());
        json.writeStringField("object", file.object());
        json.writeNumberField("storedSize", file.storedSize());
        if (file.delta() != null) {
            provider.defaultSerializeField("delta", file.delta(), json);
        }
        if (file.offset() != null) {
            json.writeNumberField("offset", file.offset());
        }
        json.writeEndObject();
    }
}
