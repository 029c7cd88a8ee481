package io.spindle.runtime.serialization;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * The serial form {@link JavaSerializer} writes for a record: its class, then its components in
 * declaration order (primitives unboxed), rebuilt through the record's canonical constructor when
 * read, as the JDK's own record serialization does.
 *
 * <p>Why not the JDK's own: for every record class it reads, this JDK builds a method-handle chain
 * that its java.lang.invoke machinery compiles into new classes (about three per record class, each
 * generated with ASM). Tasks and RPC messages are trees of dozens of record classes, so every fresh
 * driver and executor JVM generated over a hundred such classes, and compiled ASM itself, before
 * its first task ran. This form reads component fields and calls the constructor through core
 * reflection, which generates nothing.
 *
 * <p>As with the JDK's form: the canonical constructor runs, so its validation runs (its failure is
 * an {@link InvalidObjectException} naming the record and the cause); a record's own
 * {@code Object readResolve()} is applied; a record shared within one serialized graph is one
 * instance after reading. Unlike it: components are matched by position, not by name (writer and
 * reader run the same jar); each record takes about 8 bytes more (a reference to its class and
 * block-data markers); and a record must not be reachable from its own components (possible
 * only through a mutable component): the JDK reads such a back reference as null, this form as the
 * serial form itself. Records in Spindle's messages are trees. Only records in unnamed modules
 * (application and Spindle classes) that implement {@link Serializable} are written this way;
 * others keep the JDK's form, or its {@code NotSerializableException}.
 */
final class SerializedRecord implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** The record while writing; the rebuilt record after reading. */
    private transient Object record;
    private transient Shape shape;

    private SerializedRecord(Object record, Shape shape) {
        this.record = record;
        this.shape = shape;
    }

    /** The serial form of {@code value}, or {@code value} itself when it is not a record written this way. */
    static Object replace(Object value) {
        Shape shape = value != null && value.getClass().isRecord() ? SHAPES.get(value.getClass()) : null;
        return shape == null ? value : new SerializedRecord(value, shape);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(record.getClass());
        shape.write(record, out);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Class<?> type = (Class<?>) in.readObject();
        shape = type.isRecord() ? SHAPES.get(type) : null;
        if (shape == null) {
            throw new InvalidObjectException(type.getName() + " is not a record this JVM reads in Spindle's form");
        }
        record = shape.read(in);
    }

    @Serial
    private Object readResolve() throws ObjectStreamException {
        return shape.resolve(record);
    }

    /** How to write and rebuild one record class; null for records written the JDK's way. */
    private record Shape(Class<?> type, Field[] fields, Constructor<?> constructor, Method readResolve) {

        static Shape of(Class<?> type) {
            if (!Serializable.class.isAssignableFrom(type) || type.getModule().isNamed()) {
                return null;
            }
            RecordComponent[] components = type.getRecordComponents();
            Field[] fields = new Field[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    fields[i] = type.getDeclaredField(components[i].getName());
                    fields[i].setAccessible(true);
                    parameterTypes[i] = components[i].getType();
                }
                Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
                return new Shape(type, fields, constructor, readResolveOf(type));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not accessible (a security policy, an unusual class file): the JDK's own form.
                return null;
            }
        }

        /** The record's own {@code Object readResolve()}, as the JDK's serialization finds it. */
        private static Method readResolveOf(Class<?> type) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals("readResolve") && method.getParameterCount() == 0
                        && method.getReturnType() == Object.class && !Modifier.isStatic(method.getModifiers())) {
                    method.setAccessible(true);
                    return method;
                }
            }
            return null;
        }

        void write(Object value, ObjectOutputStream out) throws IOException {
            try {
                for (Field field : fields) {
                    Class<?> kind = field.getType();
                    if (!kind.isPrimitive()) {
                        out.writeObject(field.get(value));
                    } else if (kind == int.class) {
                        out.writeInt(field.getInt(value));
                    } else if (kind == long.class) {
                        out.writeLong(field.getLong(value));
                    } else if (kind == double.class) {
                        out.writeDouble(field.getDouble(value));
                    } else if (kind == boolean.class) {
                        out.writeBoolean(field.getBoolean(value));
                    } else if (kind == float.class) {
                        out.writeFloat(field.getFloat(value));
                    } else if (kind == short.class) {
                        out.writeShort(field.getShort(value));
                    } else if (kind == byte.class) {
                        out.writeByte(field.getByte(value));
                    } else {
                        out.writeChar(field.getChar(value));
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read the components of " + type.getName(), e);
            }
        }

        Object read(ObjectInputStream in) throws IOException, ClassNotFoundException {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                Class<?> kind = fields[i].getType();
                if (!kind.isPrimitive()) {
                    values[i] = in.readObject();
                } else if (kind == int.class) {
                    values[i] = in.readInt();
                } else if (kind == long.class) {
                    values[i] = in.readLong();
                } else if (kind == double.class) {
                    values[i] = in.readDouble();
                } else if (kind == boolean.class) {
                    values[i] = in.readBoolean();
                } else if (kind == float.class) {
                    values[i] = in.readFloat();
                } else if (kind == short.class) {
                    values[i] = in.readShort();
                } else if (kind == byte.class) {
                    values[i] = in.readByte();
                } else {
                    values[i] = in.readChar();
                }
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw invalid("Cannot rebuild a " + type.getName() + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw invalid("Cannot rebuild a " + type.getName() + " from its serialized components: " + e, e);
            }
        }

        /** Applies the record's own readResolve, passing on what it throws as the JDK's serialization does. */
        Object resolve(Object value) throws ObjectStreamException {
            if (readResolve == null) {
                return value;
            }
            try {
                return readResolve.invoke(value);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ObjectStreamException streamProblem) {
                    throw streamProblem;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw invalid("readResolve of " + type.getName() + " failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw invalid("Cannot call readResolve of " + type.getName() + ": " + e, e);
            }
        }

        private static InvalidObjectException invalid(String message, Throwable cause) {
            InvalidObjectException invalid = new InvalidObjectException(message);
            invalid.initCause(cause);
            return invalid;
        }
    }
}
