package io.spindle.runtime.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Java serialization of tasks, results and RPC messages.
 *
 * <p>Deserialization resolves classes through the thread context class loader, because tasks and
 * their results are instances of user classes that come from the application jar, which the
 * class loader of this module may not see. When there is no context class loader, or it cannot
 * find a class, the loader of this class is tried.
 *
 * <p>Records are written in {@link SerializedRecord}'s form, which a plain {@link ObjectInputStream}
 * reads back as the record.
 */
public final class JavaSerializer {

    private JavaSerializer() {
    }

    /**
     * @throws UncheckedIOException with a {@link NotSerializableException} cause when the object
     *     graph holds something that is not serializable; its message names the offending class
     */
    public static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new RecordWritingObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize " + describe(value) + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Deserializes with the current thread's context class loader. */
    public static <T> T deserialize(byte[] bytes) {
        return deserialize(bytes, Thread.currentThread().getContextClassLoader());
    }

    /**
     * @throws UncheckedIOException when the bytes are corrupt or name a class that no loader finds
     */
    @SuppressWarnings("unchecked")
    public static <T> T deserialize(byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot deserialize " + bytes.length + " bytes: " + e, e);
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException("Cannot deserialize " + bytes.length + " bytes: class "
                    + e.getMessage() + " is not on the classpath (is it in the application jar?)",
                    new IOException(e));
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "an instance of " + value.getClass().getName();
    }

    private static final class RecordWritingObjectOutputStream extends ObjectOutputStream {

        RecordWritingObjectOutputStream(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object value) {
            return SerializedRecord.replace(value);
        }
    }

    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through: runtime classes are visible from this module's loader
                }
            }
            try {
                return Class.forName(description.getName(), false, JavaSerializer.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            }
        }
    }
}
