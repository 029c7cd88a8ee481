package io.spindle.formats.parquet;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Feeds rows of column batches to parquet-hadoop's writer, which handles pages, dictionaries,
 * statistics, row groups and the footer. The "record" is a cursor (batch, row) reused for every
 * row, so writing allocates nothing per row except for wide decimals.
 */
final class BatchWriteSupport extends WriteSupport<BatchWriteSupport.Cursor> {
    /** The row to write next; one instance is reused for every row. */
    static final class Cursor {
        ColumnBatch batch;
        int row;
    }

    private interface ValueWriter {
        void write(RecordConsumer consumer, ColumnVector vector, int row);
    }

    private final Schema schema;
    private final MessageType parquetSchema;
    private final ValueWriter[] writers;
    private RecordConsumer consumer;

    BatchWriteSupport(Schema schema) {
        this.schema = schema;
        this.parquetSchema = ParquetTypes.toParquet(schema);
        this.writers = new ValueWriter[schema.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writerFor(schema.field(i).type());
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(parquetSchema, Map.of("io.spindle.schema", schema.toString()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Cursor cursor) {
        consumer.startMessage();
        for (int i = 0; i < writers.length; i++) {
            ColumnVector vector = cursor.batch.column(i);
            if (vector.isNull(cursor.row)) {
                Field field = schema.field(i);
                if (!field.nullable()) {
                    throw new IllegalArgumentException("Null in non-nullable column '" + field.name() + "'");
                }
                continue;
            }
            String name = schema.field(i).name();
            consumer.startField(name, i);
            writers[i].write(consumer, vector, cursor.row);
            consumer.endField(name, i);
        }
        consumer.endMessage();
    }

    private static ValueWriter writerFor(DataType type) {
        switch (type.kind()) {
            case BOOLEAN: return (consumer, vector, row) -> consumer.addBoolean(((BooleanVector) vector).values()[row]);
            case INT:
            case DATE:
                return (consumer, vector, row) -> consumer.addInteger(((IntVector) vector).values()[row]);
            case LONG:
            case TIMESTAMP:
                return (consumer, vector, row) -> consumer.addLong(((LongVector) vector).values()[row]);
            case DOUBLE: return (consumer, vector, row) -> consumer.addDouble(((DoubleVector) vector).values()[row]);
            case STRING:
            case BINARY:
                return BatchWriteSupport::writeBytes;
            case DECIMAL: return decimalWriter((DecimalType) type);
        }
        throw new AssertionError(type);
    }

    private static void writeBytes(RecordConsumer consumer, ColumnVector vector, int row) {
        BytesVector bytes = (BytesVector) vector;
        int start = bytes.offsets()[row];
        // Parquet copies a reused binary wherever it keeps one (dictionary, statistics).
        consumer.addBinary(Binary.fromReusedByteArray(bytes.data(), start, bytes.offsets()[row + 1] - start));
    }

    private static ValueWriter decimalWriter(DecimalType type) {
        if (type.precision() <= DecimalType.MAX_INT_PRECISION) {
            return (consumer, vector, row) -> consumer.addInteger((int) ((LongVector) vector).values()[row]);
        }
        if (type.fitsInLong()) {
            return (consumer, vector, row) -> consumer.addLong(((LongVector) vector).values()[row]);
        }
        int width = ParquetTypes.bytesForPrecision(type.precision());
        return (consumer, vector, row) -> consumer.addBinary(Binary.fromConstantByteArray(
                bigEndian((DecimalVector) vector, row, width)));
    }

    /** The low {@code width} bytes of the 128-bit unscaled value, big-endian two's complement. */
    private static byte[] bigEndian(DecimalVector vector, int row, int width) {
        byte[] bytes = new byte[width];
        long high = vector.high()[row];
        long low = vector.low()[row];
        for (int i = 0; i < width; i++) {
            int bit = 8 * i; // position from the least significant end
            long word = bit < 64 ? low >>> bit : high >>> (bit - 64);
            bytes[width - 1 - i] = (byte) word;
        }
        return bytes;
    }
}
