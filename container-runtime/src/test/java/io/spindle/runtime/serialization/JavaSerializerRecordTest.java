package io.spindle.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Records through {@link JavaSerializer}, which writes them in {@link SerializedRecord}'s form:
 * every result is compared with the object that was written.
 */
class JavaSerializerRecordTest {

    record Primitives(boolean flag, byte b, short s, char c, int i, long l, float f, double d) implements Serializable {
    }

    record Leaf(String name, BigDecimal amount, LocalDate day) implements Serializable {
    }

    record Tree(String label, List<Tree> children, Leaf leaf, Primitives primitives, Object anything)
            implements Serializable {
    }

    record Shared(Leaf first, Leaf second, List<Leaf> more) implements Serializable {
    }

    record WithArray(int[] values, String[] names) implements Serializable {
    }

    record Counted(int value) implements Serializable {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        Counted {
            CONSTRUCTED.incrementAndGet();
        }
    }

    record Guarded(int low, int high) implements Serializable {
        static volatile boolean strict;

        Guarded {
            if (strict && low > high) {
                throw new IllegalArgumentException("low " + low + " is above high " + high);
            }
        }
    }

    record Interned(int id) implements Serializable {
        static final Map<Integer, Interned> CANONICAL = new ConcurrentHashMap<>();

        private Object readResolve() {
            return CANONICAL.computeIfAbsent(id, key -> this);
        }
    }

    record NotSerializable(String name) {
    }

    record Holder(NotSerializable inner) implements Serializable {
    }

    record WithFunction(Function<Integer, Integer> function) implements Serializable {
    }

    record Exploding(int value) implements Serializable {
        static volatile boolean armed;

        Exploding {
            if (armed) {
                throw new AssertionError("constructor error " + value);
            }
        }
    }

    record Refusing(int value) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            throw new InvalidObjectException("refused " + value);
        }
    }

    private static <T> T roundTrip(T value) {
        return JavaSerializer.deserialize(JavaSerializer.serialize(value), JavaSerializerRecordTest.class.getClassLoader());
    }

    @Test
    void nestedRecordsOfEveryComponentKindComeBackEqual() {
        Primitives primitives = new Primitives(true, (byte) -7, Short.MIN_VALUE, '\u20ac', Integer.MAX_VALUE,
                Long.MIN_VALUE, Float.NaN, -0.0);
        Leaf leaf = new Leaf("ünïcode", new BigDecimal("12345678901234567890.125"), LocalDate.of(1999, 12, 31));
        Tree tree = new Tree("root", List.of(
                new Tree("a", List.of(), null, primitives, Optional.empty().orElse(null)),
                new Tree("b", List.of(new Tree("c", List.of(), leaf, null, 42L)), leaf, null, "text")),
                new Leaf(null, null, null), primitives, List.of(1, 2, 3));

        Tree read = roundTrip(tree);

        assertEquals(tree, read);
        assertEquals(Float.floatToRawIntBits(primitives.f()), Float.floatToRawIntBits(read.primitives().f()));
        assertEquals(Double.doubleToRawLongBits(primitives.d()), Double.doubleToRawLongBits(read.primitives().d()));
        assertNull(read.leaf().name());
        assertEquals(primitives, roundTrip(primitives));
    }

    @Test
    void aRecordSharedWithinOneGraphIsOneInstanceAfterReading() {
        Leaf leaf = new Leaf("shared", BigDecimal.ONE, LocalDate.of(2026, 1, 1));
        List<Leaf> more = new ArrayList<>(List.of(leaf, new Leaf("other", BigDecimal.TEN, null), leaf));
        Shared shared = new Shared(leaf, leaf, more);

        Shared read = roundTrip(shared);

        assertEquals(shared, read);
        assertSame(read.first(), read.second());
        assertSame(read.first(), read.more().get(0));
        assertSame(read.first(), read.more().get(2));
        List<Object> twice = roundTrip(new ArrayList<>(List.of(shared, shared)));
        assertSame(twice.get(0), twice.get(1));
    }

    @Test
    void arrayComponentsComeBackWithTheirElements() {
        WithArray value = new WithArray(new int[] {3, -1, Integer.MIN_VALUE}, new String[] {"x", null, ""});

        WithArray read = roundTrip(value);

        assertArrayEquals(value.values(), read.values());
        assertArrayEquals(value.names(), read.names());
    }

    @Test
    void readingRunsTheCanonicalConstructor() {
        Counted value = new Counted(5);
        byte[] bytes = JavaSerializer.serialize(List.of(value, new Counted(6)));
        int before = Counted.CONSTRUCTED.get();

        List<Counted> read = JavaSerializer.deserialize(bytes, getClass().getClassLoader());

        assertEquals(List.of(value, new Counted(6)), read);
        assertEquals(before + 2 + 1, Counted.CONSTRUCTED.get(), "two reads plus the expected value's own construction");
    }

    @Test
    void aConstructorThatRejectsTheDataFailsTheReadNamingTheRecord() {
        byte[] bytes = JavaSerializer.serialize(new Guarded(9, 1));
        Guarded.strict = true;
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> JavaSerializer.deserialize(bytes, getClass().getClassLoader()));
            InvalidObjectException cause = assertInstanceOf(InvalidObjectException.class, e.getCause());
            assertTrue(cause.getMessage().contains(Guarded.class.getName()), cause.getMessage());
            assertTrue(cause.getMessage().contains("low 9 is above high 1"), cause.getMessage());
        } finally {
            Guarded.strict = false;
        }
    }

    @Test
    void aRecordsOwnReadResolveIsApplied() {
        Interned canonical = Interned.CANONICAL.computeIfAbsent(77, Interned::new);

        Interned read = roundTrip(new Interned(77));

        assertSame(canonical, read);
    }

    @Test
    void aRecordThatIsNotSerializableStillFailsNamingItsClass() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> JavaSerializer.serialize(new Holder(new NotSerializable("x"))));

        NotSerializableException cause = assertInstanceOf(NotSerializableException.class, e.getCause());
        assertTrue(cause.getMessage().contains(NotSerializable.class.getName()), cause.getMessage());
    }

    @Test
    void aSerializableLambdaComponentStillWorks() {
        WithFunction value = new WithFunction((Function<Integer, Integer> & Serializable) x -> x * 3 + 1);

        WithFunction read = roundTrip(value);

        for (int x = -5; x <= 5; x++) {
            assertEquals(value.function().apply(x), read.function().apply(x));
        }
    }

    @Test
    void aPlainObjectInputStreamReadsTheRecordBack() throws IOException, ClassNotFoundException {
        Leaf leaf = new Leaf("plain", new BigDecimal("-0.5"), LocalDate.of(2000, 2, 29));
        Shared value = new Shared(leaf, leaf, List.of());

        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(JavaSerializer.serialize(value)))) {
            read = in.readObject();
        }

        assertEquals(value, read);
    }
    @Test
    void recordsTravelInSpindlesFormOthersAsTheyAre() {
        Leaf leaf = new Leaf("x", BigDecimal.ONE, null);

        assertInstanceOf(SerializedRecord.class, SerializedRecord.replace(leaf));
        assertSame("text", SerializedRecord.replace("text"));
        NotSerializable plain = new NotSerializable("x");
        assertSame(plain, SerializedRecord.replace(plain));
        String stream = new String(JavaSerializer.serialize(leaf), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(stream.contains(SerializedRecord.class.getName()), "the stream names the serial form");
    }

    @Test
    void theFormIsAtMostAQuarterLargerThanTheJdksForATreeOfSmallRecords() throws IOException {
        Primitives primitives = new Primitives(false, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d);
        List<Tree> children = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            children.add(new Tree("n" + i, List.of(), new Leaf("l" + i, BigDecimal.valueOf(i), null),
                    new Primitives(i % 2 == 0, (byte) i, (short) i, 'x', i, i, i, i), null));
        }
        Tree tree = new Tree("root", children, null, primitives, null);
        ByteArrayOutputStream jdk = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(jdk)) {
            out.writeObject(tree);
        }

        byte[] ours = JavaSerializer.serialize(tree);

        // About 8 bytes more per record (a reference to its class, block-data markers).
        assertTrue(ours.length <= jdk.size() * 5 / 4, "Spindle's form " + ours.length + " bytes, the JDK's " + jdk.size());
        assertEquals(tree, roundTrip(tree));
    }

    @Test
    void aRecordClassOnlyTheApplicationLoaderSeesIsRebuiltAsThatLoadersClass() throws Exception {
        try (ChildFirstLoader application = new ChildFirstLoader(Leaf.class.getName())) {
            Class<?> isolated = application.loadClass(Leaf.class.getName());
            assertNotSame(Leaf.class, isolated);
            java.lang.reflect.Constructor<?> constructor = isolated.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Object leaf = constructor.newInstance("app", BigDecimal.TEN, LocalDate.of(2026, 11, 28));

            Object read = JavaSerializer.deserialize(JavaSerializer.serialize(leaf), application);

            assertSame(isolated, read.getClass());
            assertEquals(leaf, read);
        }
    }

    @Test
    void anErrorFromTheConstructorIsPassedOnNotWrapped() {
        byte[] bytes = JavaSerializer.serialize(new Exploding(3));
        Exploding.armed = true;
        try {
            AssertionError e = assertThrows(AssertionError.class,
                    () -> JavaSerializer.deserialize(bytes, getClass().getClassLoader()));
            assertEquals("constructor error 3", e.getMessage());
        } finally {
            Exploding.armed = false;
        }
    }

    @Test
    void whatARecordsReadResolveThrowsIsPassedOn() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> roundTrip(new Refusing(8)));

        InvalidObjectException cause = assertInstanceOf(InvalidObjectException.class, e.getCause());
        assertEquals("refused 8", cause.getMessage());
    }

    /** Defines one class itself (from the test classes' bytes), delegating the rest to its parent. */
    private static final class ChildFirstLoader extends URLClassLoader {
        private final String isolated;

        ChildFirstLoader(String isolated) {
            super(new URL[0], JavaSerializerRecordTest.class.getClassLoader());
            this.isolated = isolated;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(isolated)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (java.io.InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }
    }
}
