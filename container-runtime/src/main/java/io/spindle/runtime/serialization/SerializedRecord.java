package io.spindle.runtime.serialization;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The serial form {@link JavaSerializer} writes for a record: its class and its component values,
 * rebuilt through the record's canonical constructor when read, as the JDK's own record
 * serialization does.
 *
 * <p>Why not the JDK's own: for every record class it reads, this JDK builds a method-handle chain
 * that its java.lang.invoke machinery compiles into new classes (about three per record class, each
 * generated with ASM). Tasks and RPC messages are trees of dozens of record classes, so every fresh
 * driver and executor JVM generated over a hundred such classes, and compiled ASM itself, before
 * its first task ran. This form reads component fields and calls the constructor through core
 * reflection, which generates nothing.
 *
 * <p>The same guarantees as the JDK's record serialization: the canonical constructor runs, so its
 * validation runs; a record's own {@code readResolve} is applied; a record shared within one
 * serialized graph is still one instance after reading (the stream's replacement table and back
 * references). Only records in unnamed modules (application and Spindle classes) that implement
 * {@link Serializable} are written this way; others keep the JDK's form, or its
 * {@code NotSerializableException}.
 */
final class SerializedRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final Class<?> type;
    private final Object[] components;

    private SerializedRecord(Class<?> type, Object[] components) {
        this.type = type;
        this.components = components;
    }

    /** The serial form of {@code value}, or {@code value} itself when it is not a record written this way. */
    static Object replace(Object value) {
        if (value == null || !value.getClass().isRecord()) {
            return value;
        }
        Shape shape = SHAPES.get(value.getClass());
        return shape == null ? value : new SerializedRecord(value.getClass(), shape.read(value));
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        Shape shape = type.isRecord() ? SHAPES.get(type) : null;
        if (shape == null) {
            throw new InvalidObjectException(type.getName() + " is not a serializable record in this JVM");
        }
        return shape.create(components);
    }

    /** How to read and rebuild one record class; null for records written the JDK's way. */
    private record Shape(Class<?> type, Field[] fields, Constructor<?> constructor, Method readResolve) {

        static Shape of(Class<?> type) {
            if (!Serializable.class.isAssignableFrom(type) || type.getModule().isNamed()) {
                return null;
            }
            RecordComponent[] recordComponents = type.getRecordComponents();
            Field[] fields = new Field[recordComponents.length];
            Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
            try {
                for (int i = 0; i < recordComponents.length; i++) {
                    fields[i] = type.getDeclaredField(recordComponents[i].getName());
                    fields[i].setAccessible(true);
                    parameterTypes[i] = recordComponents[i].getType();
                }
                Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
                return new Shape(type, fields, constructor, readResolveOf(type));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not accessible (a security policy, an unusual class file): the JDK's own form.
                return null;
            }
        }

        private static Method readResolveOf(Class<?> type) throws NoSuchMethodException {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals("readResolve") && method.getParameterCount() == 0
                        && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    method.setAccessible(true);
                    return method;
                }
            }
            return null;
        }

        Object[] read(Object value) {
            Object[] values = new Object[fields.length];
            try {
                for (int i = 0; i < fields.length; i++) {
                    values[i] = fields[i].get(value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the components of " + type.getName(), e);
            }
            return values;
        }

        Object create(Object[] values) throws ObjectStreamException {
            if (values == null || values.length != fields.length) {
                throw new InvalidObjectException("The serialized " + type.getName() + " has "
                        + (values == null ? "no" : Integer.toString(values.length)) + " components, the class has "
                        + fields.length + ": " + Arrays.toString(fields));
            }
            try {
                Object record = constructor.newInstance(values);
                return readResolve == null ? record : readResolve.invoke(record);
            } catch (InvocationTargetException e) {
                InvalidObjectException invalid = new InvalidObjectException("Cannot rebuild a " + type.getName()
                        + ": " + e.getCause());
                invalid.initCause(e.getCause());
                throw invalid;
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                InvalidObjectException invalid = new InvalidObjectException("Cannot rebuild a " + type.getName()
                        + " from its serialized components: " + e);
                invalid.initCause(e);
                throw invalid;
            }
        }
    }
}
