package io.spindle.rdd;

import io.spindle.api.Tuple2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Serializes Rdd records: a tag byte, then a compact form for the common types (String, Long,
 * Integer, Double, Boolean, Tuple2 and ArrayList of those), Java serialization for anything else.
 */
public final class RecordSerde {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INTEGER = 3;
    private static final int DOUBLE = 4;
    private static final int TUPLE = 5;
    private static final int LIST = 6;
    private static final int BOOLEAN = 7;
    private static final int JAVA = 8;

    private RecordSerde() {
    }

    public static void write(Object value, RecordOutput out) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String string) {
            out.writeByte(STRING);
            writeString(string, out);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Integer number) {
            out.writeByte(INTEGER);
            out.writeVarInt(number);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof Tuple2<?, ?> tuple) {
            out.writeByte(TUPLE);
            write(tuple._1(), out);
            write(tuple._2(), out);
        } else if (value instanceof ArrayList<?> list) {
            out.writeByte(LIST);
            out.writeVarInt(list.size());
            for (Object element : list) {
                write(element, out);
            }
        } else if (value instanceof Boolean bool) {
            out.writeByte(BOOLEAN);
            out.writeByte(bool ? 1 : 0);
        } else {
            out.writeByte(JAVA);
            byte[] bytes = javaSerialize(value);
            out.writeVarInt(bytes.length);
            out.writeBytes(bytes, 0, bytes.length);
        }
    }

    private static void writeString(String string, RecordOutput out) {
        int length = string.length();
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = string.charAt(i) < 0x80;
        }
        if (ascii) {
            out.writeVarInt(length);
            out.ensure(length);
            byte[] data = out.array();
            int position = out.size();
            for (int i = 0; i < length; i++) {
                data[position + i] = (byte) string.charAt(i);
            }
            out.advance(length);
        } else {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            out.writeVarInt(bytes.length);
            out.writeBytes(bytes, 0, bytes.length);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T read(RecordInput in) {
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING: {
                int length = in.readVarInt();
                String string = new String(in.data(), in.position(), length, StandardCharsets.UTF_8);
                in.skip(length);
                return (T) string;
            }
            case LONG:
                return (T) Long.valueOf(in.readLong());
            case INTEGER:
                return (T) Integer.valueOf(in.readVarInt());
            case DOUBLE:
                return (T) Double.valueOf(Double.longBitsToDouble(in.readLong()));
            case TUPLE: {
                Object first = read(in);
                Object second = read(in);
                return (T) new Tuple2<>(first, second);
            }
            case LIST: {
                int size = in.readVarInt();
                ArrayList<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return (T) list;
            }
            case BOOLEAN:
                return (T) Boolean.valueOf(in.readByte() != 0);
            case JAVA: {
                int length = in.readVarInt();
                Object value = javaDeserialize(in.data(), in.position(), length);
                in.skip(length);
                return (T) value;
            }
            default:
                throw new IllegalStateException("Corrupt record stream: unknown tag " + tag);
        }
    }

    /** All records of an iterator as one byte array. */
    public static byte[] serializeAll(Iterator<?> records, long[] count) {
        RecordOutput out = new RecordOutput(1 << 12);
        long n = 0;
        while (records.hasNext()) {
            write(records.next(), out);
            n++;
        }
        count[0] = n;
        return out.toByteArray();
    }

    public static <T> List<T> deserializeAll(byte[] bytes) {
        List<T> records = new ArrayList<>();
        RecordInput in = new RecordInput(bytes, 0, bytes.length);
        while (in.hasRemaining()) {
            records.add(read(in));
        }
        return records;
    }

    private static byte[] javaSerialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize a record of " + value.getClass().getName()
                    + ": Rdd records must be Serializable", e);
        }
        return bytes.toByteArray();
    }

    private static Object javaDeserialize(byte[] data, int offset, int length) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data, offset, length)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass description)
                    throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(description.getName(), false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(description);
                }
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot deserialize a record: " + e.getMessage(), e);
        }
    }
}
