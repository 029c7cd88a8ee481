package io.spindle.metastore.hive;

import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.StorageFormat;
import io.spindle.metastore.TableName;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;

/**
 * Detects a table's {@link StorageFormat} from its serde and input format, and writes the class
 * names Hive, Spark and Trino expect for a format Spindle creates. Class names are strings: the
 * classes live in hive-exec, which Spindle does not need.
 */
public final class HiveStorage {
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String ORC_SERDE = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
    static final String ORC_INPUT = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
    static final String ORC_OUTPUT = "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat";
    static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    static final String JSON_SERDE = "org.apache.hadoop.hive.serde2.JsonSerDe";
    static final String HCATALOG_JSON_SERDE = "org.apache.hive.hcatalog.data.JsonSerDe";
    static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    private HiveStorage() {}

    /**
     * The format of a table's files.
     *
     * @throws CatalogException {@link CatalogErrorCode#UNSUPPORTED_TABLE} naming the serde and input format
     */
    public static StorageFormat detect(StorageDescriptor sd, Schema dataSchema, TableName table) {
        String serde = sd.getSerdeInfo() == null ? "" : nullToEmpty(sd.getSerdeInfo().getSerializationLib());
        String input = nullToEmpty(sd.getInputFormat());
        if (serde.equals(PARQUET_SERDE) || input.equals(PARQUET_INPUT) || serde.endsWith(".ParquetHiveSerDe")) {
            return StorageFormat.PARQUET;
        }
        if (serde.equals(ORC_SERDE) || input.equals(ORC_INPUT)) {
            return StorageFormat.ORC;
        }
        boolean textInput = input.isEmpty() || input.equals(TEXT_INPUT);
        if (textInput && (serde.equals(JSON_SERDE) || serde.equals(HCATALOG_JSON_SERDE))) {
            return StorageFormat.JSON;
        }
        if (textInput && serde.equals(OPEN_CSV_SERDE)) {
            return StorageFormat.CSV;
        }
        if (textInput && (serde.equals(LAZY_SIMPLE_SERDE) || serde.isEmpty())) {
            // One string column read line by line is Spindle's text format; anything else is delimited text.
            boolean singleString = dataSchema.size() == 1 && dataSchema.field(0).type().kind() == TypeKind.STRING;
            return singleString ? StorageFormat.TEXT : StorageFormat.CSV;
        }
        throw new CatalogException(CatalogErrorCode.UNSUPPORTED_TABLE, "Table " + table + " is stored with serde '"
                + serde + "' and input format '" + input + "', which Spindle cannot read; supported are Parquet, ORC, "
                + "delimited text (LazySimpleSerDe, OpenCSVSerde) and JSON (JsonSerDe)");
    }

    /** A storage descriptor with the class names of {@code format} and the given serde parameters. */
    public static StorageDescriptor descriptor(StorageFormat format, Map<String, String> storageProperties) {
        StorageDescriptor sd = new StorageDescriptor();
        SerDeInfo serde = new SerDeInfo();
        Map<String, String> parameters = new HashMap<>(storageProperties);
        switch (format) {
            case PARQUET:
                set(sd, serde, PARQUET_SERDE, PARQUET_INPUT, PARQUET_OUTPUT);
                break;
            case ORC:
                set(sd, serde, ORC_SERDE, ORC_INPUT, ORC_OUTPUT);
                break;
            case CSV:
                set(sd, serde, LAZY_SIMPLE_SERDE, TEXT_INPUT, TEXT_OUTPUT);
                parameters.putIfAbsent("field.delim", ",");
                parameters.putIfAbsent("serialization.format", parameters.get("field.delim"));
                break;
            case TEXT:
                set(sd, serde, LAZY_SIMPLE_SERDE, TEXT_INPUT, TEXT_OUTPUT);
                parameters.putIfAbsent("serialization.format", "1");
                break;
            case JSON:
                set(sd, serde, JSON_SERDE, TEXT_INPUT, TEXT_OUTPUT);
                break;
        }
        serde.setParameters(parameters);
        sd.setSerdeInfo(serde);
        return sd;
    }

    private static void set(StorageDescriptor sd, SerDeInfo serde, String serdeClass, String input, String output) {
        serde.setSerializationLib(serdeClass);
        sd.setInputFormat(input);
        sd.setOutputFormat(output);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
